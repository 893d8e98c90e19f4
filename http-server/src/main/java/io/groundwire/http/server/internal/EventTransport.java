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
 * calls to the connection's virtual thread. A thread that would wait parks, and the loop does the
 * read into the waiting thread's array as soon as the socket is readable, then unparks it: one
 * {@code read} per request and no poller registration (the socket stays registered for reading).
 *
 * <p>After a response was written the next request is rarely there yet, so the first read skips
 * the attempt that would fail and waits at once.
 */
final class EventTransport extends ChannelTransport {
  private static final int RUNNING = 0, WAITING = 1, READING = 2, READY = 3;

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

  EventTransport(SocketChannel channel, EventLoop loop) throws IOException {
    super(channel);
    this.loop = loop;
    channel.configureBlocking(false);
  }

  /** Called by the loop's thread once registered. */
  void registered(SelectionKey key) {
    this.key = key;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!wroteSinceRead || paused || inputShut || closed) {
      int n = channel.read(ByteBuffer.wrap(b, off, len));
      if (n != 0) return n;
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
      LockSupport.park(this);
    }
  }

  /** Called by the loop when the socket is readable; true if that woke the connection's thread. */
  boolean onReadable() {
    if (!readState.compareAndSet(WAITING, READING)) {
      // The thread is busy: stop watching, or the loop would spin on the same readiness.
      paused = true;
      interest(false, null);
      if (!readState.compareAndSet(WAITING, READING)) return false;
      paused = false; // the thread began waiting meanwhile
      interest(true, null);
    }
    try {
      int n = channel.read(ByteBuffer.wrap(target, targetOffset, targetLength));
      if (n == 0) {
        readState.set(WAITING);
        return false;
      }
      result = n;
    } catch (IOException e) {
      failure = e;
    }
    readState.set(READY);
    LockSupport.unpark(reader);
    return true;
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
    while (!writable && !closed) LockSupport.park(this);
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
    LockSupport.unpark(reader);
  }

  @Override
  public void close() {
    closed = true;
    super.close(); // sends FIN now; the loop releases the descriptor on its next turn
    LockSupport.unpark(reader);
    LockSupport.unpark(writer);
    loop.closed();
  }
}
