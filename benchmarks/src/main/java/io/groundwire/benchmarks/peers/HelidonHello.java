package io.groundwire.benchmarks.peers;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/** Helidon SE 4 hello server with its defaults (one virtual thread per connection). */
public final class HelidonHello {
  private HelidonHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8082) until killed. */
  public static void main(String[] args) {
    WebServer server = WebServer.builder()
        .host(Args.HOST)
        .port(Args.port(args, 8082))
        .routing(routing -> routing.get("/", (req, res) -> {
          res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
          res.send(Hello.BYTES);
        }))
        .build()
        .start();
    Args.ready("helidon-hello", server.port());
  }
}
