package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}, see the pom):
 * while every conversation streams without pause, a new connection still gets its echo.
 */
class OneCarrierFairnessTest {
  private static final int STREAMS = 48;
  private static final long LOAD_LIMIT_NANOS = Duration.ofSeconds(20).toNanos();

  private EchoServer server;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean loadHitItsLimit = new AtomicBoolean();
  private final AtomicLong echoed = new AtomicLong();
  private final List<Thread> load = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = EchoServer.start(EchoServerOptions.builder().port(0).build());
  }

  @AfterEach
  void stop() throws Exception {
    stop.set(true);
    for (Socket s : sockets) s.close();
    for (Thread t : load) t.join(30_000);
    server.close();
  }

  @Test
  void newConnectionGetsItsEchoWhileEveryStreamKeepsTheCarrierBusy() throws Exception {
    for (int i = 0; i < STREAMS; i++) stream();
    await().atMost(Duration.ofSeconds(10)).until(() -> echoed.get() >= 64L << 20);

    String echo;
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("still there?");
      echo = client.read("still there?".length());
    }

    assertFalse(loadHitItsLimit.get(), "echoed only once the load had stopped");
    assertEquals("still there?", echo);
  }

  /** One connection written to and read from without pause, by two platform threads, for at most 20 s. */
  private void stream() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(30_000);
    sockets.add(socket);
    long deadline = System.nanoTime() + LOAD_LIMIT_NANOS;
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    load.add(Thread.ofPlatform().daemon().start(() -> {
      byte[] chunk = new byte[64 * 1024];
      try {
        while (!stop.get()) {
          if (System.nanoTime() - deadline > 0) {
            loadHitItsLimit.set(true);
            return;
          }
          out.write(chunk);
        }
      } catch (IOException closed) {
        // the test is over
      }
    }));
    load.add(Thread.ofPlatform().daemon().start(() -> {
      byte[] sink = new byte[64 * 1024];
      try {
        for (int n; (n = in.read(sink)) > 0; ) echoed.addAndGet(n);
      } catch (IOException closed) {
        // the test is over
      }
    }));
  }
}
