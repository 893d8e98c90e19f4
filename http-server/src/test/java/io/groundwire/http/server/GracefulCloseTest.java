package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** close() stops accepting, closes idle connections at once and lets in-flight requests finish. */
class GracefulCloseTest {
  @Test
  void inFlightRequestFinishesIdleConnectionClosesNewConnectionsAreRefused() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = HttpServer.builder().port(0).options(o -> o.gracePeriod(Duration.ofSeconds(5)))
        .get("/slow", (req, res) -> {
          entered.countDown();
          release.await(5, TimeUnit.SECONDS);
          res.text("finished");
        })
        .get("/", (req, res) -> res.text("ok"))
        .start();
    int port = server.port();
    try (RawClient idle = new RawClient(port); RawClient busy = new RawClient(port)) {
      assertTrue(idle.send("GET / HTTP/1.1\nHost: x\n\n").readResponse().endsWith("ok"));
      busy.send("GET /slow HTTP/1.1\nHost: x\n\n");
      assertTrue(entered.await(5, TimeUnit.SECONDS));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      assertTrue(idle.isClosedByServer(), "the idle connection is closed at once");
      await().atMost(Duration.ofSeconds(5)).untilAsserted(
          () -> assertThrows(IOException.class, () -> new RawClient(port).close()));
      release.countDown();
      String response = busy.readResponse();
      assertTrue(response.endsWith("finished"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      closing.get(5, TimeUnit.SECONDS);
      assertTrue(server.connectionCount() == 0);
    }
  }

  @Test
  void requestStillRunningAfterTheGracePeriodIsCutOff() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    HttpServer server = HttpServer.builder().port(0).options(o -> o.gracePeriod(Duration.ofMillis(200)))
        .get("/stuck", (req, res) -> {
          entered.countDown();
          never.await(10, TimeUnit.SECONDS);
          res.text("too late");
        })
        .start();
    try (RawClient busy = new RawClient(server.port())) {
      busy.send("GET /stuck HTTP/1.1\nHost: x\n\n");
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      server.close();
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "close waited past the grace period");
      assertTrue(busy.isClosedByServer());
    } finally {
      never.countDown();
    }
  }
}
