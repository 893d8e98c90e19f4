package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The conversation tests against {@link Engine#EVENT_LOOP}, and the thread that waits for its loop. */
class EventLoopEngineTest extends EngineConversationsTest {
  private static final String WAITER = "groundwire-http-events-waiter";

  @Override
  Engine engine() {
    return Engine.EVENT_LOOP;
  }

  private static Set<Thread> waiters() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(WAITER) && t.isAlive()).collect(Collectors.toSet());
  }

  /** The loop has parked: its waiter is blocked in the selector, not parked itself. */
  private static boolean selecting(Thread waiter) {
    StackTraceElement[] stack = waiter.getStackTrace();
    return stack.length > 0 && Arrays.stream(stack).noneMatch(f -> f.getMethodName().equals("park"));
  }

  @Test
  void anIdleLoopWakesForTheNextRequestAndCloseEndsItsWaiterThread() throws Exception {
    Set<Thread> before = waiters();
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("awake")).start();
    Thread waiter;
    try (RawClient client = new RawClient(server.port())) {
      Set<Thread> started = new HashSet<>();
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        started.clear();
        started.addAll(waiters());
        started.removeAll(before);
        return !started.isEmpty();
      });
      assertEquals(1, started.size(), "one waiter per listener");
      waiter = started.iterator().next();
      for (int i = 0; i < 3; i++) {
        await().atMost(Duration.ofSeconds(5)).until(() -> selecting(waiter));
        assertTrue(client.send("""
            GET / HTTP/1.1
            Host: localhost

            """).readResponse().endsWith("awake"));
      }
    } finally {
      server.close();
    }
    waiter.join(Duration.ofSeconds(5));
    assertFalse(waiter.isAlive(), "the waiter outlived its server");
  }
}
