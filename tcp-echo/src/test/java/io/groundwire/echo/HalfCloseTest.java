package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HalfCloseTest {
  @Test
  void sendsBackTheRemainderThenClosesWhenClientShutsDownOutput() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
        RawSocket client = new RawSocket(server.port())) {
      client.send("""
          first line
          second line, no newline at the end""");
      client.socket.shutdownOutput();
      assertEquals("""
          first line
          second line, no newline at the end""", client.readToEnd());
    }
  }

  @Test
  void keepsEchoingUntilClientShutsDownOutput() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
        RawSocket client = new RawSocket(server.port())) {
      client.send("one ");
      assertEquals("one ", client.read(4));
      client.send("two");
      client.socket.shutdownOutput();
      assertEquals("two", client.readToEnd());
    }
  }
}
