package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.client.Request;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * The response body as it comes off one connection, through the codec's framing source. Reading
 * it to the end hands the connection back to the pool; closing it early tries to drain a small
 * remainder (so the connection can still be reused) and otherwise closes the connection. Codec and
 * socket failures surface as the client's typed exceptions, and always close the connection.
 */
final class ExchangeSource implements Source {
  private static final System.Logger LOG = System.getLogger("io.groundwire.http.client");
  private static final Cleaner CLEANER = Cleaner.create();
  private static final long DRAIN_LIMIT = 64 * 1024;
  private static final int DRAIN_TIMEOUT_MILLIS = 50;

  private static final int OPEN = 0;
  private static final int DONE = 1;
  private static final int FAILED = 2;

  private final CallEngine engine;
  private final RealConnection connection;
  private final Request request;
  private final Source framed;
  private final Supplier<Headers> trailerReader;
  private final boolean reusable;
  private long bytes;
  private final AtomicInteger state = new AtomicInteger(OPEN);
  /** Held by a read, and by a close while it drains: the two never share the connection's buffers. */
  private final ReentrantLock readLock = new ReentrantLock();
  /** The thread that read last: a close from any other thread aborts instead of draining. */
  private volatile Thread reader;
  private volatile boolean aborted;
  private Headers trailers;
  private Cleaner.Cleanable cleanable;

  ExchangeSource(CallEngine engine, RealConnection connection, Request request, Source framed,
      Supplier<Headers> trailerReader, boolean reusable) {
    this.engine = engine;
    this.connection = connection;
    this.request = request;
    this.framed = framed;
    this.trailerReader = trailerReader;
    this.reusable = reusable;
  }

  /** Watches {@code owner} (the body's outer source): if it is collected while open, logs a leak and frees the connection. */
  void watchForLeak(Object owner) {
    String description = request.toString();
    cleanable = CLEANER.register(owner, () -> {
      if (state.get() == OPEN) {
        LOG.log(System.Logger.Level.WARNING, "A response body was never closed and leaked its connection: "
            + description + ". Close every Response (try-with-resources) or read its body to the end.");
        fail();
      }
    });
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (reader != Thread.currentThread()) {
      reader = Thread.currentThread();
    }
    readLock.lock();
    try {
      return readLocked(sink, byteCount);
    } finally {
      readLock.unlock();
    }
  }

  private long readLocked(Buffer sink, long byteCount) throws IOException {
    int now = state.get();
    if (now != OPEN) {
      if (now == DONE) {
        return -1;
      }
      if (aborted) {
        throw abortedException(null);
      }
      throw new IllegalStateException("response body is closed");
    }
    long n;
    try {
      n = framed.read(sink, byteCount);
    } catch (IOException | RuntimeException e) {
      fail();
      if (aborted) {
        throw abortedException(e);
      }
      throw Exchange.translateBodyFailure(connection, e);
    }
    if (n == -1) {
      if (!complete()) {
        throw abortedException(null);
      }
      return -1;
    }
    bytes += n;
    return n;
  }

  /** The trailers once the body was read to its end. */
  Headers trailers() {
    if (state.get() != DONE) {
      throw new IllegalStateException("trailers are available once the body has been read to its end");
    }
    return trailers;
  }

  /** Ends the exchange at the end of the body; false if an abort from another thread came first. */
  private boolean complete() {
    trailers = trailerReader == null ? Headers.EMPTY : trailerReader.get();
    if (!state.compareAndSet(OPEN, DONE)) {
      return false;
    }
    engine.release(connection, reusable);
    engine.config().eventListener().responseBodyEnd(request, bytes);
    if (cleanable != null) {
      cleanable.clean();
    }
    return true;
  }

  private void fail() {
    if (state.compareAndSet(OPEN, FAILED)) {
      engine.release(connection, false);
    }
    if (cleanable != null) {
      cleanable.clean();
    }
  }

  /**
   * Called by a close from any thread before the body's buffers are touched: if another thread is
   * reading this body, or read it last, closes the connection (which ends a read blocked on the
   * network) and returns true, leaving the buffers to that thread; otherwise returns false.
   */
  boolean abortIfReadElsewhere() {
    Thread self = Thread.currentThread();
    Thread last = reader;
    boolean elsewhere = (last != null && last != self) || (readLock.isLocked() && !readLock.isHeldByCurrentThread());
    if (!elsewhere || state.get() != OPEN) {
      return false;
    }
    aborted = true;
    fail();
    return true;
  }

  private IOException abortedException(Throwable cause) {
    return new IOException("the response to " + request + " was closed by another thread while being read", cause);
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  /** Ends the exchange: drains up to 64 KiB for 50 ms to keep the connection, otherwise closes it. */
  @Override
  public void close() {
    if (state.get() != OPEN) {
      return;
    }
    if (!reusable || !readLock.tryLock()) { // a read in progress elsewhere: do not share its buffers
      aborted = readLock.isLocked() && !readLock.isHeldByCurrentThread();
      fail();
      return;
    }
    try {
      drainOrFail();
    } finally {
      readLock.unlock();
    }
  }

  private void drainOrFail() {
    Buffer scratch = new Buffer();
    try {
      connection.readTimeout(DRAIN_TIMEOUT_MILLIS);
      long drained = 0;
      while (drained <= DRAIN_LIMIT) {
        long n = framed.read(scratch, 8192);
        if (n == -1) {
          connection.restoreReadTimeout();
          complete(); // false only if an abort came first, which already closed the connection
          return;
        }
        drained += n;
        scratch.clear();
      }
    } catch (IOException | RuntimeException e) {
      // too slow or broken: not worth keeping
    }
    fail();
  }
}
