package io.groundwire.benchmarks.ours;

import io.groundwire.benchmarks.Compute;
import io.groundwire.http.server.Engine;
import io.groundwire.http.server.HttpServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Our {@link HttpServer} answering {@code GET /} with the hello text after computing for a while:
 * {@code PORT MICROSECONDS [ENGINE]} (the default engine unless one is named).
 */
public final class GroundwireCompute {
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

  private GroundwireCompute() {}

  /** Serves until killed. */
  public static void main(String[] args) throws Exception {
    long micros = Compute.micros(args);
    HttpServer.Builder builder = HttpServer.builder()
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(Integer.parseInt(args[0]))
        .get("/", (request, response) -> {
          Compute.spin(micros);
          response.contentType("text/plain").body(HELLO);
        });
    if (args.length > 2) builder.options(o -> o.engine(Engine.valueOf(args[2])));
    HttpServer server = builder.start();
    System.out.println("groundwire-compute listening on 127.0.0.1:" + server.port());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }
}
