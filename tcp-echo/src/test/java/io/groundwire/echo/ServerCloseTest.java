package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ServerCloseTest {
  @Test
  void connectedClientsSeeEndOfStreamAfterTheGracePeriod() throws Exception {
    EchoServer server = EchoServer.start(
        EchoServerOptions.builder().port(0).closeGrace(Duration.ofMillis(200)).build());
    List<RawSocket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        RawSocket client = new RawSocket(server.port());
        client.send("hi " + i);
        assertEquals("hi " + i, client.read(4));
        clients.add(client);
      }
      long start = System.nanoTime();
      server.close();
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "close() took too long");
      for (RawSocket client : clients) {
        assertEquals("", client.readToEnd());
      }
      assertEquals(0, server.stats().active());
      assertFalse(server.isRunning());
    } finally {
      for (RawSocket client : clients) {
        client.close();
      }
    }
  }

  @Test
  void conversationGoesOnDuringTheGracePeriod() throws Exception {
    EchoServer server = EchoServer.start(
        EchoServerOptions.builder().port(0).closeGrace(Duration.ofSeconds(10)).build());
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("before");
      assertEquals("before", client.read(6));
      Thread closer = Thread.ofVirtual().start(server::close);
      org.awaitility.Awaitility.await().until(() -> !server.isRunning());
      client.send("during");
      client.socket.shutdownOutput();
      assertEquals("during", client.readToEnd());
      closer.join(Duration.ofSeconds(5));
      assertFalse(closer.isAlive(), "close() should return once the last conversation ended");
    }
  }

  @Test
  void stopsAcceptingOnClose() throws Exception {
    EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
    int port = server.port();
    server.close();
    assertThrows(ConnectException.class, () -> EchoClient.connect("127.0.0.1", port));
  }

  @Test
  void concurrentClosersBothReturnOnceClosed() throws Exception {
    EchoServer server = EchoServer.start(
        EchoServerOptions.builder().port(0).closeGrace(Duration.ofMillis(300)).build());
    try (RawSocket client = new RawSocket(server.port())) {
      client.send("x");
      assertEquals("x", client.read(1));
      Thread first = Thread.ofVirtual().start(server::close);
      Thread second = Thread.ofVirtual().start(server::close);
      first.join(Duration.ofSeconds(10));
      second.join(Duration.ofSeconds(10));
      assertFalse(first.isAlive() || second.isAlive(), "a close() call hung");
      assertEquals("", client.readToEnd());
    }
  }

  @Test
  void closeIsIdempotent() throws Exception {
    EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
    server.close();
    server.close();
    server.awaitTermination();
    assertFalse(server.isRunning());
  }
}
