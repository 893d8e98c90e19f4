package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IdleTimeoutTest {
  @Test
  void closesConversationIdleLongerThanTheTimeout() throws Exception {
    try (EchoServer server = EchoServer.start(
            EchoServerOptions.builder().port(0).idleTimeout(Duration.ofMillis(300)).build());
        RawSocket client = new RawSocket(server.port())) {
      client.send("then silence");
      assertEquals("then silence", client.read(12));
      await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().idleClosed() == 1);
      assertEquals("", client.readToEnd());
      await().until(() -> server.stats().active() == 0);
    }
  }

  @Test
  void keepsConversationThatKeepsTalking() throws Exception {
    try (EchoServer server = EchoServer.start(
            EchoServerOptions.builder().port(0).idleTimeout(Duration.ofMillis(500)).build());
        EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      long start = System.nanoTime();
      int exchanges = 0;
      // Talk for twice the timeout; every echo keeps the conversation alive.
      while (System.nanoTime() - start < Duration.ofSeconds(1).toNanos()) {
        assertEquals("ping " + exchanges, client.echo("ping " + exchanges));
        exchanges++;
      }
      assertEquals(0, server.stats().idleClosed());
      assertEquals(1, server.stats().active());
    }
  }
}
