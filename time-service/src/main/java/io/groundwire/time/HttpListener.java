package io.groundwire.time;

import io.groundwire.time.internal.RateLimiter;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The HTTP API's listener: waits for http-server's HttpServer. */
final class HttpListener implements Closeable {
  static HttpListener start(TimeServiceOptions options, RateLimiter limiter, InetSocketAddress address)
      throws IOException {
    throw new IOException("the HTTP API needs the http-server module's HttpServer, not in this build yet");
  }

  InetSocketAddress localAddress() {
    throw new IllegalStateException();
  }

  @Override
  public void close() {}
}
