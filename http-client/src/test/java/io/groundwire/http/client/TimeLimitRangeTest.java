package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Any non-negative Duration is a valid time limit, however long; negative ones are refused. */
class TimeLimitRangeTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void limitsAsLongAsDurationAllowsWorkAsNoPracticalLimit() throws Exception {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    Duration almostForever = Duration.ofMillis(Long.MAX_VALUE);
    try (RawServer server = new RawServer(c -> {
      while (c.readHead() != null) {
        c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      }
    })) {
      HttpClient client = clients.newClient(b -> b.connectTimeout(forever).readTimeout(almostForever)
          .writeTimeout(forever).callTimeout(almostForever).keepAlive(forever).expectContinueTimeout(forever));
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("ok", response.body().string());
      }
      Request longRequest = Request.builder(server.url("/")).timeout(Duration.ofDays(365_000)).build();
      try (Response response = client.send(longRequest)) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(1, client.idleConnections());
    }
  }

  @Test
  void negativeLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> HttpClient.builder().callTimeout(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> Request.builder("http://127.0.0.1/").timeout(Duration.ofMillis(-1)));
  }
}
