package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}, see the pom):
 * once {@code close()} has returned, the port takes no more connections, even when the carrier was
 * busy at the moment of closing. The JDK closes a channel that a virtual thread is blocked in only
 * when that thread runs again, so {@code close()} has to wait for it.
 */
class OneCarrierCloseTest {
  private static final Duration CARRIER_BUSY = Duration.ofMillis(300);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void closeReturnsOnlyOnceThePortIsReleased(Engine engine) throws Exception {
    HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.engine(engine))
        .get("/", (req, res) -> res.text("hello"))
        .start();
    int port = server.port();
    try (RawClient client = new RawClient(port)) {
      // A served request: the accepting thread is back in accept, blocked there.
      assertTrue(client.send("""
          GET / HTTP/1.1
          Host: localhost
          Connection: close

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
    }
    await().atMost(5, TimeUnit.SECONDS).until(() -> server.connectionCount() == 0);

    CountDownLatch carrierTaken = new CountDownLatch(1);
    Thread busy = Thread.ofVirtual().start(() -> {
      carrierTaken.countDown();
      long end = System.nanoTime() + CARRIER_BUSY.toNanos();
      while (System.nanoTime() - end < 0) Thread.onSpinWait(); // holds the only carrier
    });
    assertTrue(carrierTaken.await(5, TimeUnit.SECONDS));
    server.close(); // from this platform thread, while no virtual thread can run
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    busy.join(Duration.ofSeconds(5));
  }
}
