package io.groundwire.http.server.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.Status;
import io.groundwire.http.codec.RequestHead;
import io.groundwire.http.server.HttpServerOptions;
import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;

/**
 * One client connection: reads a request head, runs the handler, writes the response, and repeats
 * while the connection may persist (RFC 9112 §9.3). It starts on a virtual thread of its own; with
 * {@link EventTransport} it lets go of that thread between requests and is resumed by the event
 * loop, which serves the next request on its own thread (see {@link EventLoop}).
 *
 * <p>Timeouts are deadlines that the listener's timer checks: an expired read is ended by shutting
 * the socket's input (the blocked read sees end of stream and the request gets 408), an expired
 * write by closing the socket. Each phase names its timeout, but the deadline starts only when the
 * thread first waits for the socket in that phase ({@link #waiting()}): a request whose head is
 * already buffered and whose response the socket takes at once never reads the clock for them.
 */
final class Connection implements Runnable {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  private static final ByteString HEAD_METHOD = ByteString.encodeUtf8("HEAD ");
  private static final int IDLE = 0, HEAD = 1, BODY = 2, HANDLER = 3, WRITE = 4, LINGER = 5;
  /** What {@link #serveOne()} leaves the connection to: end it, go on, or let it be resumed later. */
  private static final int END = 0, KEEP = 1, SUSPENDED = 2;
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  private final Listener listener;
  private final HttpServerOptions options;
  private final Transport transport;
  private final SocketSource source;
  private final BufferedSource in;
  private final ResponseWriter writer;
  private final Exchange exchange;
  private final long headerNanos, bodyNanos, idleNanos, writeNanos, lingerNanos;
  private volatile int phase = IDLE;
  private Thread thread; // the one serving the current request; written before phase leaves IDLE, null at IDLE
  private volatile long deadline;
  private long timeout; // the current phase's, started by waiting(); 0 once started or when none
  private volatile boolean expired;
  private int requests;
  private long writes;

  Connection(Listener listener, Transport transport) {
    this.listener = listener;
    this.options = listener.options;
    this.transport = transport;
    this.writer = new ResponseWriter(this, transport, listener.heads);
    this.source = new SocketSource(transport, this);
    this.in = Okio.buffer(source);
    this.exchange = new Exchange(this, listener, transport, in, writer);
    this.headerNanos = options.headerTimeout().toNanos();
    this.bodyNanos = options.bodyTimeout().toNanos();
    this.idleNanos = options.idleTimeout().toNanos();
    this.writeNanos = options.writeTimeout().toNanos();
    this.lingerNanos = Math.min(2_000_000_000L, bodyNanos);
    transport.timedBy(this);
  }

  /**
   * Serves requests until the connection ends, or until it waits between requests on a transport
   * that can {@linkplain Transport#suspend() suspend} it; the transport then runs this again when
   * the next request arrives. Whichever thread runs it, one at a time.
   */
  @Override
  public void run() {
    boolean suspended = false;
    try {
      int next;
      while ((next = serveOne()) == KEEP) {
        // serve the next request
      }
      suspended = next == SUSPENDED;
    } catch (Transport.Suspended e) {
      // Only the read that waits for a request lets go, and serveOne takes that; should another
      // ever do so, the connection may be another thread's already: leave it alone.
      suspended = true;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "connection ended: {0}", e.toString());
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "connection failed", t);
    } finally {
      if (!suspended) {
        transport.close();
        listener.remove(this);
      }
    }
  }

  /** Serves one request; returns whether to go on ({@code KEEP}), stop, or whether it suspended. */
  private int serveOne() throws IOException {
    if (in.getBuffer().size() == 0) {
      // Waiting for the next request: a fresh connection gets the header timeout, a kept one the idle timeout.
      arm(requests == 0 ? headerNanos : idleNanos);
      phase = IDLE;
      thread = null; // no longer serving; a thread that ends must not stay reachable from an idle connection
      if (listener.closing) return END;
      flushHeldResponses(); // before the thread may let go, or wait
      waiting(); // the timeout runs from here whether the thread waits or lets go
      if (transport.suspend()) return SUSPENDED;
      source.awaitingRequest();
      try {
        if (!in.request(1)) return END; // closed by the client, or timed out while idle
      } catch (Transport.Suspended e) {
        return SUSPENDED;
      }
    }
    arm(headerNanos);
    thread = Thread.currentThread();
    phase = HEAD;
    // A malformed HEAD request still gets no body in its error response (RFC 9110 §9.3.2).
    boolean headRequest = in.getBuffer().rangeEquals(0, HEAD_METHOD);
    RequestHead head;
    try {
      head = WireCodec.readHead(listener.headReader, in);
      if (head == null) return END; // closed cleanly before a request
    } catch (HttpProtocolException e) {
      String line = e.requestLine(); // known when the fields, not the line, were at fault
      fail(expired ? Status.REQUEST_TIMEOUT : e.status(), line == null ? "" : line,
          line == null ? headRequest : line.startsWith("HEAD "));
      return END;
    } catch (IOException e) {
      // Either the header timeout shut the input (408), or the client went away mid-head.
      if (expired) fail(Status.REQUEST_TIMEOUT, "", headRequest);
      return END;
    }
    requests++;
    return exchange.serve(head) ? KEEP : END;
  }

  /**
   * Answers a request that cannot be served with {@code status} and {@code Connection: close}, then
   * closes the connection gracefully. Returns false.
   */
  boolean fail(Status status, String requestLine) {
    return fail(status, requestLine, false);
  }

  /** {@link #fail(Status, String)} for a request whose method is known: a HEAD gets no body. */
  boolean fail(Status status, String requestLine, boolean headRequest) {
    ResponseImpl r = new ResponseImpl();
    r.status = status;
    r.text(status.reason());
    try {
      writer.write(r, headRequest, true, false, false);
      exchange.log(requestLine, status.code(), writer.bodyBytes, Headers.EMPTY);
    } catch (IOException e) {
      return false;
    }
    lingerClose();
    return false;
  }

  /**
   * Half-closes and reads what the client still sends for a moment, so that closing does not reset
   * the connection and destroy the response before the client read it.
   */
  void lingerClose() {
    armWriteTimeout(); // over TLS the half-close writes close_notify, which waits if the client stopped reading
    transport.shutdownOutput();
    arm(lingerNanos);
    phase = LINGER;
    try {
      long total = 0;
      in.getBuffer().clear();
      while (total < 1 << 20 && in.request(1)) {
        total += in.getBuffer().size();
        in.getBuffer().clear();
      }
    } catch (IOException ignored) {
      // the client closed or reset; either way we are done
    }
  }

  /** Sends {@code 100 Continue} (the handler is about to read a body that asked for it). */
  void sendContinue() throws IOException {
    okio.Buffer b = new okio.Buffer().write(CONTINUE);
    armWriteTimeout();
    transport.write(b, null);
    disarmTimeout();
  }

  void armBodyTimeout() {
    arm(bodyNanos);
    phase = BODY;
  }

  void armWriteTimeout() {
    writes++;
    arm(writeNanos);
    phase = WRITE;
  }

  /**
   * Sends the responses held back for pipelining, before a read that may wait for the client, and
   * then reads on in the phase it was in: a stalled head still gets 408 after the header timeout,
   * not a close after the write timeout, and an idle connection stays closable by a server close.
   */
  void flushHeldResponses() throws IOException {
    if (!writer.hasBuffered()) return;
    int reading = phase;
    long pendingTimeout = timeout;
    long runningDeadline = deadline;
    writer.flush();
    deadline = 0; // the timer must not see the read's phase with the write's deadline
    timeout = pendingTimeout;
    phase = reading;
    deadline = runningDeadline;
  }

  void disarmTimeout() {
    timeout = 0;
    deadline = 0;
    phase = HANDLER;
  }

  boolean expired() {
    return expired;
  }

  /** Gives the phase just entered its timeout, which starts when the thread first waits. */
  private void arm(long nanos) {
    deadline = 0;
    timeout = nanos;
  }

  /**
   * Called by the transport, on the connection's thread, just before that thread waits for the
   * socket: starts the current phase's timeout unless it already runs.
   */
  void waiting() {
    long t = timeout;
    if (t == 0) return;
    timeout = 0;
    long d = System.nanoTime() + t;
    deadline = d == 0 ? 1 : d;
  }

  /** Called by the timer: ends a read or write whose deadline passed. */
  void expireIfDue(long now) {
    // The phase first: the connection clears a deadline before it changes phase and starts the
    // next one only after, so an expired deadline read here belongs to this phase or a later one.
    int p = phase;
    long d = deadline;
    if (d == 0 || now - d < 0) return;
    expired = true;
    deadline = 0;
    if (p == WRITE) transport.close();
    else transport.shutdownInput();
  }

  /** Whether {@code t} serves a request on this connection now (for close() from a handler). */
  boolean isServedBy(Thread t) {
    int p = phase; // read first: the thread written before it is at least as recent
    return p != IDLE && p != LINGER && thread == t;
  }

  /** Called on server close: closes the connection when it waits between requests. */
  void closeIfIdle() {
    if (phase == IDLE) transport.close();
  }

  /** Called when the grace period is over. */
  void abort() {
    transport.close();
  }

  /** How many writes went to the socket so far. */
  long writes() {
    return writes;
  }

  /** How many requests the connection has read the head of so far. */
  int requests() {
    return requests;
  }
}
