package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run with four carrier threads ({@code -Djdk.virtualThreadScheduler.parallelism=4}, see the pom):
 * {@link Engine#EVENT_LOOP} hands kept-alive connections whose requests take long to compute to
 * threads of their own, which the other carriers run in parallel, rather than serve them one after
 * another on the loop's own carrier. Whether the scheduler then runs them at the same time is the
 * JDK's business, and how much that gains is measured by a benchmark (see docs/benchmarks.md).
 */
class SeveralCarriersParallelTest {
  private static final String LOOP = "groundwire-http-events"; // the loop's thread, and its standby's
  private static final String COMPUTE = """
      GET /compute HTTP/1.1
      Host: localhost

      """;

  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/compute", (req, res) -> {
          // 100 µs: far more than a request served on the loop may take, far less than the
          // millisecond after which the standby takes a busy loop over.
          long end = System.nanoTime() + 100_000;
          while (System.nanoTime() < end) Thread.onSpinWait(); // computes, never blocks
          res.text(Thread.currentThread().getName());
        })
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void keptAliveConnectionsWhoseRequestsTakeLongToComputeGetThreadsOfTheirOwn() throws Exception {
    List<RawClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) clients.add(new RawClient(server.port()).timeout(10_000));
      int onTheLoop = 0, elsewhere = 0;
      // The loop first times a few dozen requests it serves itself; then it decides.
      for (int round = 0; round < 150; round++) {
        for (RawClient client : clients) client.send(COMPUTE);
        for (RawClient client : clients) {
          boolean loop = client.readResponse().endsWith("\r\n\r\n" + LOOP);
          if (round < 50) continue;
          if (loop) onTheLoop++;
          else elsewhere++;
        }
      }
      // Handing over, the loop still serves one request every few turns itself.
      assertTrue(elsewhere > onTheLoop, "served on the loop's carrier: " + onTheLoop + ", elsewhere: " + elsewhere);
    } finally {
      for (RawClient client : clients) client.close();
    }
  }
}
