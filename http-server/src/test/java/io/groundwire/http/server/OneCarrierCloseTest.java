package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}, see the pom):
 * once {@code close()} has returned, the port takes no more connections, even when the carrier was
 * busy at the moment of closing. The JDK closes a channel that a virtual thread is blocked in only
 * when that thread runs again, so {@code close()} has to wait for it; so does a second
 * {@code close()} from a handler while the first one is still releasing the port.
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

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aHandlerClosingWhileAnotherCloseReleasesThePortReturnsOnlyOnceItIsReleased(Engine engine) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch firstCloseCalled = new CountDownLatch(1);
    AtomicReference<Thread> firstCloser = new AtomicReference<>();
    HttpServer[] self = new HttpServer[1];
    HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.engine(engine).gracePeriod(Duration.ofSeconds(10)))
        .post("/shutdown", (req, res) -> {
          entered.countDown();
          // Holds the only carrier until the first close() waits for a virtual thread to release the port.
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (!(firstCloseCalled.getCount() == 0 && parked(firstCloser.get())) && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
          }
          self[0].close();
          String portAfterClose;
          try (Socket s = new Socket("127.0.0.1", self[0].port())) {
            portAfterClose = "still open";
          } catch (ConnectException refused) {
            portAfterClose = "refused";
          }
          res.text(portAfterClose);
        })
        .start();
    self[0] = server;
    try (RawClient admin = new RawClient(server.port())) {
      admin.timeout(10_000);
      admin.send("POST /shutdown HTTP/1.1\nHost: x\nContent-Length: 0\n\n");
      assertTrue(entered.await(5, TimeUnit.SECONDS)); // accepted: closing the port can no longer reset it
      CompletableFuture<Void> first = new CompletableFuture<>();
      firstCloser.set(Thread.ofPlatform().start(() -> {
        firstCloseCalled.countDown();
        server.close();
        first.complete(null);
      }));
      String response = admin.readResponse();
      assertTrue(response.endsWith("refused"), "the handler's close() returned before the port was released: " + response);
      first.get(10, TimeUnit.SECONDS);
    }
  }

  private static boolean parked(Thread thread) {
    if (thread == null) return false;
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }
}
