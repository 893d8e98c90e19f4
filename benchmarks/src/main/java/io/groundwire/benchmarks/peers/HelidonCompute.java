package io.groundwire.benchmarks.peers;

import io.groundwire.benchmarks.Compute;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/**
 * Helidon SE 4 with its defaults (one virtual thread per connection), answering {@code GET /} with
 * the hello text after computing for a while: {@code PORT MICROSECONDS}.
 */
public final class HelidonCompute {
  private HelidonCompute() {}

  /** Serves until killed. */
  public static void main(String[] args) {
    long micros = Compute.micros(args);
    WebServer server = WebServer.builder()
        .host(Args.HOST)
        .port(Args.port(args, 8082))
        .routing(routing -> routing.get("/", (req, res) -> {
          Compute.spin(micros);
          res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
          res.send(Hello.BYTES);
        }))
        .build()
        .start();
    Args.ready("helidon-compute", server.port());
  }
}
