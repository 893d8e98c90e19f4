package io.groundwire.benchmarks.ours;

import io.groundwire.http.server.HttpServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** Our {@link HttpServer} with its default options, answering {@code GET /} with the hello text. */
public final class GroundwireHello {
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

  private GroundwireHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8080) until killed. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    HttpServer server = HttpServer.builder()
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(port)
        .get("/", (request, response) -> response.contentType("text/plain").body(HELLO))
        .start();
    System.out.println("groundwire-hello listening on 127.0.0.1:" + server.port());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }
}
