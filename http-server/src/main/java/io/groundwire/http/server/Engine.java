package io.groundwire.http.server;

/**
 * How an {@link HttpServer} waits for bytes on its connections. Either way each connection's
 * requests are handled on its own virtual thread with blocking reads and writes, so handlers behave
 * the same.
 */
public enum Engine {
  /**
   * Each connection's virtual thread reads its socket itself, waiting through the JDK's
   * virtual-thread poller. The default, and the only engine for TLS.
   */
  VIRTUAL_THREADS,

  /**
   * One platform thread accepts connections and watches every plain-TCP socket with a selector,
   * reading for the virtual thread that waits: fewer system calls per request (no failing read and
   * no poller registration while a keep-alive connection waits). A TLS listener ignores this and
   * uses {@link #VIRTUAL_THREADS}.
   */
  EVENT_LOOP
}
