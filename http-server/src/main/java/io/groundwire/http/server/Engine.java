package io.groundwire.http.server;

/**
 * How an {@link HttpServer} waits for bytes on its connections. Either way handlers run on virtual
 * threads with blocking reads and writes, and may block as they like, so they behave the same.
 * A handler should not expect the same thread for every request of a connection, nor a fresh one:
 * a thread-local it sets may still be there when the thread serves another connection.
 */
public enum Engine {
  /**
   * Each connection's virtual thread reads its socket itself, waiting through the JDK's
   * virtual-thread poller: one failing read and a poller registration each time a keep-alive
   * connection waits. The engine TLS listeners always use.
   */
  VIRTUAL_THREADS,

  /**
   * The default. One selector loop (itself a virtual thread) accepts connections and watches every
   * plain-TCP socket. A kept-alive connection between requests, like a new one until its first
   * request comes, holds no thread: the loop serves its next request itself. If the handler blocks,
   * a standby thread takes the loop over: at once on one carrier thread; on several, within about a
   * millisecond (at once when the handler waits for its socket), and also when a handler computes
   * on one request for that long. On several carriers, when requests take long to serve (over about
   * 20 µs on two processors, less on more), the loop hands ready connections to threads of their
   * own, which the carriers serve in parallel. One read and one write per keep-alive request, no
   * failing read and no poller registration. When nothing is ready the loop parks and one platform
   * thread per listener waits in the selector for it. A TLS listener ignores this and uses
   * {@link #VIRTUAL_THREADS}.
   */
  EVENT_LOOP
}
