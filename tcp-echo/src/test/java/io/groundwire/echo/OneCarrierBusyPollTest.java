package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run with one carrier thread (see the pom): a conversation that busy-polls without pause, because
 * its client answers every echo at once, does not keep a new connection from its echo.
 */
@Timeout(60)
class OneCarrierBusyPollTest {
  private static final long LOAD_LIMIT_NANOS = Duration.ofSeconds(20).toNanos();

  private EchoServer server;
  private Socket hot;
  private Thread hotClient;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean loadHitItsLimit = new AtomicBoolean();
  private final AtomicBoolean corrupted = new AtomicBoolean();
  private final AtomicLong roundTrips = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    stop.set(true);
    if (hot != null) hot.close();
    if (hotClient != null) hotClient.join(30_000);
    server.close();
  }

  @Test
  void newConnectionGetsItsEchoWhileAPingPongKeepsTheServerPolling() throws Exception {
    server = EchoServer.start(EchoServerOptions.builder().port(0).busyPoll(Duration.ofSeconds(1)).build());
    hot = new Socket("127.0.0.1", server.port());
    hot.setSoTimeout(30_000);
    hot.setTcpNoDelay(true);
    hotClient = Thread.ofPlatform().daemon().start(this::pingPongUntilStopped);
    await().atMost(Duration.ofSeconds(10)).until(() -> roundTrips.get() >= 1_000);

    String echo;
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("still there?");
      echo = client.read("still there?".length());
    }
    long before = roundTrips.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> roundTrips.get() > before + 100);

    assertFalse(loadHitItsLimit.get(), "echoed only once the ping-pong had stopped");
    assertFalse(corrupted.get(), "the ping-pong got back something else than it sent");
    assertEquals("still there?", echo);
  }

  /** 64-byte messages, each sent as soon as the last came back, for at most 20 s. */
  private void pingPongUntilStopped() {
    long deadline = System.nanoTime() + LOAD_LIMIT_NANOS;
    byte[] message = new byte[64];
    try {
      OutputStream out = hot.getOutputStream();
      InputStream in = hot.getInputStream();
      for (long i = 0; !stop.get(); i++) {
        if (System.nanoTime() - deadline > 0) {
          loadHitItsLimit.set(true);
          return;
        }
        Arrays.fill(message, (byte) i);
        out.write(message);
        if (!Arrays.equals(message, in.readNBytes(64))) corrupted.set(true);
        roundTrips.incrementAndGet();
      }
    } catch (IOException closed) {
      // the test is over
    }
  }
}
