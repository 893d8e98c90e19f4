package io.groundwire.http.client.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * One TCP (or TLS) connection to an {@link Address}, carrying one exchange at a time. Its buffered
 * source and sink live as long as the socket, so bytes read ahead are never lost between exchanges.
 * Deadlines are plain volatile timestamps that the {@link Watchdog} compares to the clock; when one
 * passes, the watchdog closes the socket and records which deadline it was.
 */
public final class RealConnection {
  static final int NO_DEADLINE = 0;
  static final int WRITE_DEADLINE = 1;
  static final int CALL_DEADLINE = 2;
  static final int READ_DEADLINE = 3;

  /** Pooled connections idle longer than this are probed for a close by the server before reuse. */
  static final long PROBE_AFTER_IDLE_NANOS = 1_000_000_000L;

  private final Address address;
  private final Socket socket;
  private final BufferedSource source;
  private final BufferedSink sink;
  private final long readTimeoutNanos;
  private volatile long readDeadlineNanos;
  private volatile long writeDeadlineNanos;
  private volatile long callDeadlineNanos;
  private volatile int expiredDeadline;
  private volatile boolean socketFailed;
  private long idleSinceNanos;
  private int exchanges;
  private boolean noNewExchanges;

  RealConnection(Address address, Socket socket, long readTimeoutNanos, long writeTimeoutNanos) throws IOException {
    this.address = address;
    this.socket = socket;
    this.readTimeoutNanos = readTimeoutNanos;
    // Reads block without SO_TIMEOUT (one system call per read on platform threads); the
    // watchdog enforces the read timeout instead. SO_TIMEOUT is only set for short probes.
    socket.setSoTimeout(0);
    this.source = Okio.buffer(SocketStreams.source(this, socket.getInputStream()));
    this.sink = Okio.buffer(SocketStreams.sink(this, socket.getOutputStream(), writeTimeoutNanos));
  }

  /** Where this connection goes. */
  public Address address() {
    return address;
  }

  /** The buffered input, kept for the life of the socket. */
  public BufferedSource source() {
    return source;
  }

  /** The buffered output, kept for the life of the socket. */
  public BufferedSink sink() {
    return sink;
  }

  /** The socket (an SSLSocket for https). */
  public Socket socket() {
    return socket;
  }

  /** How many exchanges this connection has carried before the current one. */
  public int exchanges() {
    return exchanges;
  }

  /** Counts a new exchange on this connection. */
  void startExchange(long callDeadlineNanos) {
    exchanges++;
    this.callDeadlineNanos = callDeadlineNanos;
  }

  /** Forbids reuse: the next release closes the connection. */
  public void noNewExchanges() {
    noNewExchanges = true;
  }

  boolean reusable() {
    return !noNewExchanges && !socket.isClosed();
  }

  void idleSince(long nanos) {
    idleSinceNanos = nanos;
    callDeadlineNanos = 0;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void armWriteDeadline(long timeoutNanos) {
    if (timeoutNanos > 0) {
      writeDeadlineNanos = System.nanoTime() + timeoutNanos;
    }
  }

  void disarmWriteDeadline() {
    writeDeadlineNanos = 0;
  }

  void armReadDeadline() {
    if (readTimeoutNanos > 0) {
      readDeadlineNanos = System.nanoTime() + readTimeoutNanos;
    }
  }

  void disarmReadDeadline() {
    readDeadlineNanos = 0;
  }

  /** Sets a short SO_TIMEOUT for the next reads, e.g. to wait briefly for {@code 100 Continue}. */
  public void readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Ends a short SO_TIMEOUT: reads are bounded by the watchdog's read deadline again. */
  public void restoreReadTimeout() throws IOException {
    socket.setSoTimeout(0);
  }

  /** Records that a read or write on the socket itself failed (not the request body's own source). */
  void socketFailed() {
    socketFailed = true;
  }

  /** True once a socket read or write failed. */
  boolean hasSocketFailed() {
    return socketFailed;
  }

  /** Which deadline closed this connection, if any ({@link #NO_DEADLINE} otherwise). */
  int expiredDeadline() {
    return expiredDeadline;
  }

  /** Called by the watchdog: closes the socket if a deadline has passed. */
  void checkDeadlines(long now) {
    long write = writeDeadlineNanos;
    long read = readDeadlineNanos;
    long call = callDeadlineNanos;
    int expired = NO_DEADLINE;
    if (call != 0 && now - call >= 0) {
      expired = CALL_DEADLINE;
    } else if (write != 0 && now - write >= 0) {
      expired = WRITE_DEADLINE;
    } else if (read != 0 && now - read >= 0) {
      expired = READ_DEADLINE;
    }
    if (expired != NO_DEADLINE) {
      expiredDeadline = expired;
      close();
    }
  }

  /**
   * True if the connection can carry another request. A connection idle for more than a second is
   * probed with a 1 ms read: an end of stream means the server closed it, and unexpected bytes mean
   * it is out of step; both make it unhealthy. Recently used connections are trusted (the retry of
   * idempotent requests covers the rare race), which keeps reuse free of system calls.
   */
  boolean isHealthy(long now) {
    if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
      return false;
    }
    if (source.getBuffer().size() > 0) {
      return false; // bytes nobody asked for: the previous response was not what it claimed
    }
    if (now - idleSinceNanos < PROBE_AFTER_IDLE_NANOS) {
      return true;
    }
    try {
      socket.setSoTimeout(1);
      source.exhausted();
      return false; // either the end of the stream or bytes nobody asked for
    } catch (IOException e) {
      return e.getCause() instanceof SocketTimeoutException; // nothing to read: still open
    } finally {
      try {
        socket.setSoTimeout(0);
      } catch (IOException ignored) {
        // the socket is closed; the next use will find out
      }
    }
  }

  /** Closes the socket; safe to call from any thread, more than once. */
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }

  /** True once the socket is closed. */
  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public String toString() {
    return "Connection{" + address + ", exchanges=" + exchanges + "}";
  }
}
