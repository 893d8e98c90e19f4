package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation tests against {@link Engine#EVENT_LOOP}, and the thread that waits for its loop. */
class EventLoopEngineTest extends EngineConversationsTest {
  private static final String WAITER = "groundwire-http-events-waiter";

  @Override
  Engine engine() {
    return Engine.EVENT_LOOP;
  }

  /** The waiter of the listener on {@code port}, once its loop has started it. */
  private static Optional<Thread> waiter(int port) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(WAITER + "-" + port) && t.isAlive()).findFirst();
  }

  /** The loop has parked: its waiter is blocked in the selector, not parked itself. */
  private static boolean selecting(Thread waiter) {
    StackTraceElement[] stack = waiter.getStackTrace();
    return stack.length > 0 && Arrays.stream(stack).noneMatch(f -> f.getMethodName().equals("park"));
  }

  @Test
  void anIdleLoopWakesForTheNextRequestAndCloseEndsItsWaiterThread() throws Exception {
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("awake")).start();
    Thread waiter;
    try (RawClient client = new RawClient(server.port())) {
      waiter = await().atMost(Duration.ofSeconds(5)).until(() -> waiter(server.port()), Optional::isPresent).get();
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

  @Test
  void keptAliveConnectionsWaitingForTheirNextRequestHoldNoThread(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("served")).start();
    RawClient[] clients = new RawClient[20];
    try {
      for (int i = 0; i < clients.length; i++) {
        clients[i] = new RawClient(server.port());
        assertTrue(served(clients[i]));
      }
      // A thread that served a connection lets go of it right after the response; it ends soon after.
      await().atMost(Duration.ofSeconds(5)).until(() -> threadsServingConnections(dir) == 0);
      for (RawClient client : clients) {
        assertTrue(served(client), "a kept connection is still served");
      }
    } finally {
      for (RawClient client : clients) if (client != null) client.close();
      server.close();
    }
  }

  @Test
  void newConnectionsWaitingForTheirFirstRequestHoldNoThread(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("served")).start();
    RawClient[] clients = new RawClient[20];
    try {
      for (int i = 0; i < clients.length; i++) clients[i] = new RawClient(server.port());
      // Each is accepted and its thread started; finding nothing to read, the thread lets go. The
      // condition must hold for a while: a thread started but not yet run is not on a stack either.
      await().atMost(Duration.ofSeconds(5)).during(Duration.ofMillis(300))
          .until(() -> server.connectionCount() == clients.length && threadsServingConnections(dir) == 0);
      for (RawClient client : clients) {
        assertTrue(served(client), "a new connection is served once its request comes");
      }
    } finally {
      for (RawClient client : clients) if (client != null) client.close();
      server.close();
    }
  }

  @Test
  void anIdleConnectionDoesNotKeepTheEndedThreadThatServedItReachable() throws Exception {
    AtomicReference<WeakReference<Thread>> servedBy = new AtomicReference<>();
    HttpServer server = HttpServer.builder().port(0).options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> {
          Thread t = Thread.currentThread();
          if (!t.getName().equals("groundwire-http-events")) servedBy.compareAndSet(null, new WeakReference<>(t));
          res.text("served");
        }).start();
    List<RawClient> clients = new ArrayList<>();
    try {
      // A new connection whose request is there at once is served by its own thread, which then
      // lets go and ends; the loop's threads live on, so only such a thread can tell.
      for (int i = 0; i < 100 && servedBy.get() == null; i++) {
        RawClient client = new RawClient(server.port());
        clients.add(client);
        assertTrue(served(client));
      }
      WeakReference<Thread> thread = servedBy.get();
      assertNotNull(thread, "no request was served by a connection's own thread");
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        System.gc();
        return thread.get() == null; // its connection is still open, idle
      });
    } finally {
      for (RawClient client : clients) client.close();
      server.close();
    }
  }

  /** Sends {@code GET /} on {@code client}; whether the answer is the handler's. */
  private static boolean served(RawClient client) throws Exception {
    return client.send("""
        GET / HTTP/1.1
        Host: localhost

        """).readResponse().endsWith("served");
  }

  /** How many threads, virtual ones included, have a connection's serving loop on their stack. */
  private static long threadsServingConnections(Path dir) throws Exception {
    Path dump = Files.createTempFile(dir, "threads", ".json");
    Files.delete(dump); // the dump refuses to overwrite
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    String json = Files.readString(dump);
    return json.split("io.groundwire.http.server.internal.Connection.run", -1).length - 1;
  }
}
