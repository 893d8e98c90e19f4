package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that stops reading is cut off once a write stalls longer than writeTimeout; a handler
 * that pauses between writes is not.
 */
class WriteTimeoutTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void stalledWriteClosesTheConnection(Engine engine) throws Exception {
    byte[] chunk = new byte[1 << 20];
    try (HttpServer server = server(engine, "/huge", out -> {
          for (int i = 0; i < 512; i++) out.write(chunk);
        });
        RawClient client = new RawClient(server.port())) {
      client.send("GET /huge HTTP/1.1\nHost: localhost\n\n"); // and never read
      await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aHandlerMayPauseLongerThanTheWriteTimeoutBetweenWrites(Engine engine) throws Exception {
    // More than the socket takes at once, so the write likely waits for the client and starts the
    // timeout (with VIRTUAL_THREADS every write starts it).
    byte[] chunk = new byte[8 << 20];
    try (HttpServer server = server(engine, "/pausing", out -> {
          out.write(chunk);
          out.flush();
          work(Duration.ofMillis(1000)); // the handler's own work, longer than the write timeout
          out.write("end".getBytes(StandardCharsets.US_ASCII));
        });
        RawClient client = new RawClient(server.port())) {
      String response = client.send("GET /pausing HTTP/1.1\nHost: localhost\n\n").readResponse();
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertEquals(chunk.length + 3, body.length());
      assertTrue(body.endsWith("end"), "the write after the pause arrived");
    }
  }

  /** A server with a 300 ms write timeout whose one route streams its body with {@code writer}. */
  private static HttpServer server(Engine engine, String path, BodyWriter writer) throws java.io.IOException {
    return HttpServer.builder().port(0).options(o -> o.engine(engine).writeTimeout(Duration.ofMillis(300)))
        .get(path, (req, res) -> res.body(-1, writer))
        .start();
  }

  /** Stands for a handler computing for {@code d}: not a wait for anything the test does. */
  private static void work(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
