package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The conversation tests against {@link Engine#EVENT_LOOP}, and the loop's own thread. */
class EventLoopEngineTest extends EngineConversationsTest {
  private static final String WAITER = "groundwire-http-events-waiter";

  @Override
  Engine engine() {
    return Engine.EVENT_LOOP;
  }

  private static long waiters() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(WAITER) && t.isAlive()).count();
  }

  /** Every loop has parked: its waiter is blocked in the selector, not parked itself. */
  private static boolean everyWaiterSelects() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals(WAITER))
        .allMatch(e -> e.getValue().length > 0
            && Arrays.stream(e.getValue()).noneMatch(f -> f.getMethodName().equals("park")));
  }

  @Test
  void anIdleLoopWakesForTheNextRequestAndCloseEndsItsWaiterThread() throws Exception {
    long before = waiters();
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("awake")).start();
    try (RawClient client = new RawClient(server.port())) {
      assertEquals(before + 1, waiters());
      for (int i = 0; i < 3; i++) {
        await().atMost(Duration.ofSeconds(5)).until(EventLoopEngineTest::everyWaiterSelects);
        assertTrue(client.send("""
            GET / HTTP/1.1
            Host: localhost

            """).readResponse().endsWith("awake"));
      }
    } finally {
      server.close();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> waiters() == before);
  }
}
