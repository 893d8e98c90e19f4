package io.groundwire.http.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import okio.Buffer;

/**
 * Plain TCP on a non-blocking channel watched by an {@link EventLoop}, offering the same blocking
 * calls to the thread serving the connection. Between requests, and until a new connection's first
 * request comes, the connection is {@linkplain #suspend() suspended}: no thread waits for it, and
 * the loop serves it when the socket turns readable. A thread that would wait in the middle of a
 * request parks, and the loop does the read into the waiting thread's array as soon as the socket
 * is readable, then unparks it: one {@code read} per request and no poller registration (the
 * socket stays registered for reading).
 *
 * <p>After a write in the middle of a request (a {@code 100 Continue}) the next bytes are rarely
 * there yet, so the first read skips the attempt that would fail and waits at once.
 *
 * <p>A new connection's thread reads at once, and lets go if nothing is there yet: the first read
 * suspends the connection and throws {@link Transport.Suspended}. So does the first read after a
 * resume that finds nothing, which happens when the loop found the socket readable, then served
 * other connections before it got to this one, while this connection's thread read the bytes and
 * suspended it.
 */
final class EventTransport extends ChannelTransport {
  private static final int RUNNING = 0, WAITING = 1, READING = 2, READY = 3, SUSPENDED = 4;
  /** What {@link #onReadable()} did. */
  static final int NOTHING = 0, WOKE = 1, RESUMED = 2;

  private final EventLoop loop;
  private final AtomicInteger readState = new AtomicInteger(RUNNING);
  private SelectionKey key;
  private volatile Thread reader;
  private volatile Thread writer;
  private byte[] target; // where the loop reads for a waiting thread; published by readState
  private int targetOffset, targetLength, result;
  private IOException failure;
  private volatile boolean paused; // the loop stopped watching reads while the thread was busy
  private volatile boolean writable;
  private volatile boolean closed;
  private volatile boolean inputShut;
  private boolean readOn = true, writeOn;
  private boolean wroteSinceRead;
  /**
   * The next read lets go instead of waiting if nothing is there: a new connection's first, or the
   * first since the loop resumed the connection (set by the loop, which then serves it itself or
   * starts its thread).
   */
  private boolean letGoIfEmpty = true;
  /** The last {@link PollPacer} window in which the loop served this connection; only the loop's holder touches it. */
  int pacerWindow = -1;

  EventTransport(SocketChannel channel, EventLoop loop) throws IOException {
    super(channel);
    this.loop = loop;
    channel.configureBlocking(false);
  }

  /** Called by the loop's thread once registered. */
  void registered(SelectionKey key) {
    this.key = key;
  }

  /**
   * Ends the calling thread's hold on the connection between requests: from now on the loop serves
   * it when the socket turns readable, and a timeout or a close resumes it on a new thread. Returns
   * false, and the caller reads on, when input is already waiting or the connection is ending.
   * After true the caller must not touch the connection again.
   */
  @Override
  public boolean suspend() {
    // Only right after a response: resumed, the connection reads at once, as the loop saw it readable.
    if (!wroteSinceRead || inputShut || closed) return false;
    wroteSinceRead = false;
    return letGo();
  }

  /** Suspends the connection unless it is ending or input came meanwhile; true if it did. */
  private boolean letGo() {
    if (paused) {
      // The loop saw input while this thread was busy, often the request just served, and stopped
      // watching. Watch again before letting go: the loop then resumes the connection once input is
      // waiting, at once if it already is. Kept instead, the thread would wait out the idle time.
      paused = false;
      interest(true, null);
      loop.wakeup();
    }
    readState.set(SUSPENDED);
    // The loop may have paused reads, or a timeout or close come, just before the state was set.
    return !((paused || inputShut || closed) && readState.compareAndSet(SUSPENDED, RUNNING));
  }

  /** Takes a suspended connection back for the caller; true if it was suspended. */
  private boolean resume() {
    return readState.get() == SUSPENDED && readState.compareAndSet(SUSPENDED, RUNNING);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    boolean mayLetGo = letGoIfEmpty;
    letGoIfEmpty = false;
    if (!wroteSinceRead || paused || inputShut || closed) {
      int n = channel.read(ByteBuffer.wrap(b, off, len));
      if (n != 0) return n;
      // Nothing yet from a new connection, or nothing after all for a resumed one (the loop saw the
      // socket readable before this connection's thread read what was there): waiting now would
      // hold a thread until the request comes.
      if (mayLetGo && letGo()) throw new Suspended();
    }
    wroteSinceRead = false;
    target = b;
    targetOffset = off;
    targetLength = len;
    reader = Thread.currentThread();
    readState.set(WAITING);
    if (paused) {
      paused = false;
      interest(true, null);
      loop.wakeup();
    }
    waiting();
    while (true) {
      int s = readState.get();
      if (s == READY) {
        readState.set(RUNNING);
        target = null;
        IOException e = failure;
        failure = null;
        if (e != null) throw e;
        return result;
      }
      if ((closed || inputShut) && readState.compareAndSet(WAITING, RUNNING)) {
        target = null;
        int n = channel.read(ByteBuffer.wrap(b, off, len)); // -1 once shut, or ClosedChannelException
        return n == 0 ? -1 : n;
      }
      loop.beforeParking();
      LockSupport.park(this);
    }
  }

  /**
   * Called by the loop when the socket is readable: reads for a waiting thread and wakes it
   * ({@link #WOKE}), or takes back a suspended connection, which the caller must then serve
   * ({@link #RESUMED}), or finds the connection's thread busy ({@link #NOTHING}).
   */
  int onReadable() {
    if (resume()) return resumed();
    if (!readState.compareAndSet(WAITING, READING)) {
      // The thread is busy: stop watching, or the loop would spin on the same readiness. Interest
      // goes off before paused is set: a thread that sees paused and turns interest back on (in
      // letGo or read) must come after, or the loop's "off" could land last and stay.
      interest(false, null);
      paused = true;
      if (resume()) {
        paused = false; // the thread suspended the connection meanwhile
        interest(true, null);
        return resumed();
      }
      if (!readState.compareAndSet(WAITING, READING)) return NOTHING;
      paused = false; // the thread began waiting meanwhile
      interest(true, null);
    }
    try {
      int n = channel.read(ByteBuffer.wrap(target, targetOffset, targetLength));
      if (n == 0) {
        readState.set(WAITING);
        return NOTHING;
      }
      result = n;
    } catch (IOException e) {
      failure = e;
    }
    readState.set(READY);
    LockSupport.unpark(reader);
    return WOKE;
  }

  /** Notes that the next read is the first since the loop resumed the connection. */
  private int resumed() {
    letGoIfEmpty = true;
    return RESUMED;
  }

  /** Called by the loop when the socket takes bytes again. */
  void onWritable() {
    interest(null, false);
    writable = true;
    LockSupport.unpark(writer);
  }

  @Override
  void beforeWrite() {
    // the channel is non-blocking: only awaitWritable waits
  }

  @Override
  void awaitWritable() throws IOException {
    waiting();
    writer = Thread.currentThread();
    writable = false;
    interest(null, true);
    loop.wakeup();
    while (!writable && !closed) {
      loop.beforeParking();
      LockSupport.park(this);
    }
    if (closed) throw new ClosedChannelException();
  }

  private synchronized void interest(Boolean read, Boolean write) {
    if (read != null) readOn = read;
    if (write != null) writeOn = write;
    try {
      key.interestOps((readOn ? SelectionKey.OP_READ : 0) | (writeOn ? SelectionKey.OP_WRITE : 0));
    } catch (RuntimeException cancelled) {
      // closed meanwhile; the waiting thread sees that
    }
  }

  @Override
  public void write(Buffer head, byte[] body) throws IOException {
    super.write(head, body);
    wroteSinceRead = true;
  }

  @Override
  public void shutdownInput() {
    inputShut = true;
    super.shutdownInput();
    if (resume()) loop.resumeOnThread(connection()); // it reads end of stream there and ends
    else LockSupport.unpark(reader);
  }

  @Override
  public void close() {
    closed = true;
    super.close(); // sends FIN now; the loop releases the descriptor on its next turn
    loop.closed();
    if (resume()) {
      loop.resumeOnThread(connection()); // it sees the channel closed there, and ends
      return;
    }
    LockSupport.unpark(reader);
    LockSupport.unpark(writer);
  }
}
