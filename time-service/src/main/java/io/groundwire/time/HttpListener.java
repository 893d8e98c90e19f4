package io.groundwire.time;

import io.groundwire.http.server.Handler;
import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.HttpServerOptions;
import io.groundwire.time.internal.AddressRange;
import io.groundwire.time.internal.ClientAddress;
import io.groundwire.time.internal.RateLimiter;
import io.groundwire.time.internal.ServiceCounters;
import io.groundwire.time.internal.TimeApi;
import io.groundwire.time.internal.TimeApiHandler;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The HTTP API on Groundwire's {@link HttpServer}. */
final class HttpListener implements Closeable {
  private final HttpServer server;

  private HttpListener(HttpServer server) {
    this.server = server;
  }

  static HttpListener start(TimeServiceOptions options, RateLimiter limiter, ServiceCounters counters,
      InetSocketAddress address)
      throws IOException {
    HttpServerOptions.Builder serverOptions = HttpServerOptions.builder()
        .port(address.getPort())
        .maxBodySize(64 * 1024);
    if (options.bindAddress() != null) {
      serverOptions.bindAddress(options.bindAddress()); // otherwise every interface, IPv4 and IPv6
    }
    HttpServer server = HttpServer.create(serverOptions.build(), handler(options, limiter, counters));
    server.start();
    return new HttpListener(server);
  }

  static Handler handler(TimeServiceOptions options, RateLimiter limiter, ServiceCounters counters) {
    ClientAddress clientAddress = new ClientAddress(
        options.trustedProxies().stream().map(AddressRange::parse).toList());
    return TimeApiHandler.handler(new TimeApi(options.clock(), options.defaultZone(), limiter, clientAddress,
        options.rootDispersion(), counters));
  }

  InetSocketAddress localAddress() {
    return server.address();
  }

  /** Drains: requests in flight finish within the HTTP server's grace period. */
  @Override
  public void close() {
    server.close();
  }
}
