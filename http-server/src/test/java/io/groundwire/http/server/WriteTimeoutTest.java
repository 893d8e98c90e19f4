package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A client that stops reading is cut off once a write stalls longer than writeTimeout. */
class WriteTimeoutTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void stalledWriteClosesTheConnection(Engine engine) throws Exception {
    byte[] chunk = new byte[1 << 20];
    try (HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(engine).writeTimeout(Duration.ofMillis(300)))
        .get("/huge", (req, res) -> res.body(-1, out -> {
          for (int i = 0; i < 512; i++) out.write(chunk);
        }))
        .start();
        RawClient client = new RawClient(server.port())) {
      client.send("GET /huge HTTP/1.1\nHost: localhost\n\n"); // and never read
      await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
    }
  }
}
