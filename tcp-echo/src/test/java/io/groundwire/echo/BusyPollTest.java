package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With busy polling on, conversations behave as without it: every byte comes back, end of stream
 * and the idle timeout still end a conversation, even while it polls. The window is long (a
 * second, the most allowed) so that the conversations are polling whenever the test acts.
 */
@Timeout(60)
class BusyPollTest {
  private EchoServer server;

  private EchoServer start(EchoServerOptions.Builder options) throws Exception {
    server = EchoServer.start(options.port(0).busyPoll(Duration.ofSeconds(1)).build());
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void everyConversationGetsEveryByteBackWhileOnePolls() throws Exception {
    start(EchoServerOptions.builder());
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int seed = c;
        done.add(clients.submit((Callable<Integer>) () -> pingPong(seed, 300)));
      }
      for (Future<Integer> f : done) assertEquals(300, f.get(50, TimeUnit.SECONDS));
    } finally {
      clients.shutdownNow();
    }
  }

  /** {@code rounds} messages of random sizes (1 byte to 16 KiB), each read back and compared. */
  private int pingPong(int seed, int rounds) throws Exception {
    Random random = new Random(seed);
    try (RawSocket client = new RawSocket(server.port())) {
      OutputStream out = client.socket.getOutputStream();
      InputStream in = client.socket.getInputStream();
      for (int i = 0; i < rounds; i++) {
        byte[] message = new byte[1 + random.nextInt(16 * 1024)];
        random.nextBytes(message);
        out.write(message);
        assertArrayEquals(message, in.readNBytes(message.length), "round " + i);
      }
      client.socket.shutdownOutput();
      assertEquals(-1, in.read(), "the server ends the conversation after our end of stream");
      return rounds;
    }
  }

  @Test
  void endOfStreamWhilePollingEndsTheConversationAtOnce() throws Exception {
    start(EchoServerOptions.builder());
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("ping");
      assertEquals("ping", client.read(4));
      client.socket.shutdownOutput(); // arrives while the server polls (its window is a second)
      assertEquals("", client.readToEnd());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().active() == 0);
  }

  @Test
  void idleTimeoutClosesAConversationThatIsPolling() throws Exception {
    start(EchoServerOptions.builder().idleTimeout(Duration.ofMillis(200)));
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("ping");
      assertEquals("ping", client.read(4));
      assertEquals("", client.readToEnd()); // the server closes it; the read timeout is 10 s
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().active() == 0);
    assertEquals(1, server.stats().idleClosed());
  }
}
