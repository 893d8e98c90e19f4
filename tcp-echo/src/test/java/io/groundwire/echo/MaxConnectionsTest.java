package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MaxConnectionsTest {
  @Test
  void closesConnectionsBeyondTheLimitAtOnceAndCountsThem() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).maxConnections(2).build());
        EchoClient first = EchoClient.connect("127.0.0.1", server.port());
        EchoClient second = EchoClient.connect("127.0.0.1", server.port())) {
      assertEquals("1", first.echo("1"));
      assertEquals("2", second.echo("2"));
      try (RawSocket third = new RawSocket(server.port())) {
        assertEquals("", third.readToEnd());
      }
      assertEquals(1, server.stats().refused());
      assertEquals(2, server.stats().active());
      assertEquals(3, server.stats().accepted());
    }
  }

  @Test
  void acceptsAgainOnceAConversationEnds() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).maxConnections(1).build())) {
      try (EchoClient first = EchoClient.connect("127.0.0.1", server.port())) {
        assertEquals("first", first.echo("first"));
      }
      await().until(() -> server.stats().active() == 0);
      try (EchoClient next = EchoClient.connect("127.0.0.1", server.port())) {
        assertEquals("next", next.echo("next"));
      }
      assertEquals(0, server.stats().refused());
    }
  }
}
