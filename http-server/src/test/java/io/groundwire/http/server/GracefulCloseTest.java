package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aHandlerThatClosesItsServerDoesNotWaitForItsOwnRequest(Engine engine) throws Exception {
    HttpServer[] self = new HttpServer[1];
    long[] closeNanos = new long[1];
    HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.engine(engine).gracePeriod(Duration.ofSeconds(10)))
        .post("/shutdown", (req, res) -> {
          long start = System.nanoTime();
          self[0].close();
          closeNanos[0] = System.nanoTime() - start;
          res.text("bye");
        })
        .start();
    self[0] = server;
    try (RawClient client = new RawClient(server.port())) {
      client.timeout(5_000);
      String response = client.send("POST /shutdown HTTP/1.1\nHost: x\nContent-Length: 0\n\n").readResponse();
      assertTrue(response.endsWith("bye"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(closeNanos[0] < TimeUnit.SECONDS.toNanos(3), "close() waited " + closeNanos[0] / 1_000_000 + " ms for its own request");
      assertTrue(client.isClosedByServer());
    }
    await().atMost(Duration.ofSeconds(5)).untilAsserted(
        () -> assertThrows(IOException.class, () -> new RawClient(server.port()).close()));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void afterAHandlerClosedItsServerOtherRequestsInFlightFinishAndASecondCloseWaitsForThem(Engine engine) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer[] self = new HttpServer[1];
    HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.engine(engine).gracePeriod(Duration.ofSeconds(10)))
        .get("/slow", (req, res) -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          res.text("finished");
        })
        .post("/shutdown", (req, res) -> {
          self[0].close();
          res.text("bye");
        })
        .start();
    self[0] = server;
    try (RawClient busy = new RawClient(server.port()); RawClient admin = new RawClient(server.port())) {
      busy.timeout(10_000);
      admin.timeout(5_000);
      busy.send("GET /slow HTTP/1.1\nHost: x\n\n");
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      String bye = admin.send("POST /shutdown HTTP/1.1\nHost: x\nContent-Length: 0\n\n").readResponse();
      assertTrue(bye.endsWith("bye"), bye);

      CompletableFuture<Void> secondClose = CompletableFuture.runAsync(server::close);
      assertThrows(TimeoutException.class, () -> secondClose.get(300, TimeUnit.MILLISECONDS),
          "a second close() returned while a request was still in flight");
      release.countDown();
      String response = busy.readResponse();
      assertTrue(response.endsWith("finished"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      secondClose.get(5, TimeUnit.SECONDS);
      assertEquals(0, server.connectionCount());
    } finally {
      release.countDown();
    }
  }
}
