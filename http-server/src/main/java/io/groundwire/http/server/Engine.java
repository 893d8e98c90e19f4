package io.groundwire.http.server;

/**
 * How an {@link HttpServer} waits for bytes on its connections. Either way each connection's
 * requests are handled on its own virtual thread with blocking reads and writes, so handlers behave
 * the same.
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
   * plain-TCP socket, reading for the connection's virtual thread when it waits: one read and one
   * write per keep-alive request, no failing read and no poller registration. When nothing is
   * ready the loop parks and one platform thread per listener waits in the selector for it. A TLS
   * listener ignores this and uses {@link #VIRTUAL_THREADS}.
   */
  EVENT_LOOP
}
