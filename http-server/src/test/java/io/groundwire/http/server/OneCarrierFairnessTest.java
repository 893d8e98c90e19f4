package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}, see the pom):
 * under steady load on kept-alive connections, threads that are started or woken from outside
 * the carrier (a new connection's thread, a handler waking from a sleep or woken by a platform
 * thread) still get their turn.
 */
class OneCarrierFairnessTest {
  private static final int LOAD_CONNECTIONS = 16;
  /** Enough kept-alive connections with cheap requests for the loop to wait between polls (see PollPacer). */
  private static final int CHEAP_LOAD_CONNECTIONS = 96;
  private static final int PIPELINED = 4;
  private static final long LOAD_LIMIT_NANOS = Duration.ofSeconds(20).toNanos();

  private HttpServer server;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean loadHitItsLimit = new AtomicBoolean();
  private final AtomicLong answered = new AtomicLong();
  private final List<Thread> load = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .options(o -> o.engine(Engine.EVENT_LOOP).maxRequestsPerConnection(Integer.MAX_VALUE))
        .get("/", (req, res) -> {
          busy(50_000); // the server, not the load, is the bottleneck
          res.text("hello");
        })
        .get("/cheap", (req, res) -> res.text("hello"))
        .get("/nap", (req, res) -> {
          Thread.sleep(10); // woken by the JDK's timer, from outside the carrier
          res.text("rested");
        })
        .get("/handoff", (req, res) -> {
          // woken by a platform thread's unpark, also from outside the carrier
          CompletableFuture<String> done = new CompletableFuture<>();
          Thread.ofPlatform().daemon().start(() -> done.complete("handed over"));
          res.text(done.get(30, TimeUnit.SECONDS));
        })
        .start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread t : load) t.join(30_000);
    server.close();
  }

  @Test
  void newConnectionSleepingHandlerAndHandoffAreServedWhileKeptConnectionsKeepTheLoopBusy() throws Exception {
    startLoad(LOAD_CONNECTIONS, "/", PIPELINED, 2_000);
    assertNapAndHandoffServedDuringTheLoad();
  }

  @Test
  void newConnectionSleepingHandlerAndHandoffAreServedWhileManyCheapRequestsKeepTheLoopBusy() throws Exception {
    startLoad(CHEAP_LOAD_CONNECTIONS, "/cheap", 1, 20_000);
    assertNapAndHandoffServedDuringTheLoad();
  }

  private void startLoad(int connections, String path, int pipelined, long answers) throws IOException {
    byte[] request = request(path);
    int responseLength = probeResponseLength(request);
    for (int i = 0; i < connections; i++) {
      Thread t = Thread.ofPlatform().daemon().start(() -> keepBusy(request, pipelined, responseLength));
      load.add(t);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() >= answers);
  }

  private void assertNapAndHandoffServedDuringTheLoad() throws Exception {
    String nap;
    String handoff;
    try (RawClient client = new RawClient(server.port())) {
      client.timeout(30_000);
      nap = client.send("""
          GET /nap HTTP/1.1
          Host: localhost

          """).readResponse();
      handoff = client.send("""
          GET /handoff HTTP/1.1
          Host: localhost

          """).readResponse();
    }

    assertFalse(loadHitItsLimit.get(), "answered only once the load had stopped");
    assertTrue(nap.endsWith("rested"), nap);
    assertTrue(handoff.endsWith("handed over"), handoff);
    stop.set(true);
    for (Thread t : load) t.join(30_000);
    assertEquals(0, load.stream().filter(Thread::isAlive).count(), "load threads still running");
  }

  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) Thread.onSpinWait();
  }

  private int probeResponseLength(byte[] request) throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      return client.sendRaw(request).readResponse().length();
    }
  }

  private static byte[] request(String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Keeps one connection busy, {@code pipelined} requests at a time, until told to stop or for at most 20 s. */
  private void keepBusy(byte[] request, int pipelined, int responseLength) {
    long deadline = System.nanoTime() + LOAD_LIMIT_NANOS;
    byte[] batch = new byte[request.length * pipelined];
    for (int i = 0; i < pipelined; i++) System.arraycopy(request, 0, batch, i * request.length, request.length);
    byte[] sink = new byte[64 * 1024];
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      while (!stop.get()) {
        if (System.nanoTime() - deadline > 0) {
          loadHitItsLimit.set(true);
          return;
        }
        out.write(batch);
        long expected = (long) responseLength * pipelined;
        while (expected > 0) {
          int n = in.read(sink, 0, (int) Math.min(sink.length, expected));
          if (n < 0) return;
          expected -= n;
        }
        answered.addAndGet(pipelined);
      }
    } catch (IOException e) {
      if (!stop.get()) throw new IllegalStateException(e);
    }
  }
}
