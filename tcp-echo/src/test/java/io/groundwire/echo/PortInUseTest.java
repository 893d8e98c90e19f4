package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PortInUseTest {
  @Test
  void failsWithBindExceptionNamingThePortWhenAnotherServerHasIt() throws Exception {
    try (EchoServer first = EchoServer.start(EchoServerOptions.builder().port(0).build())) {
      BindException failure = assertThrows(BindException.class,
          () -> EchoServer.start(EchoServerOptions.builder().port(first.port()).build()));
      assertEquals("TCP port " + first.port() + " is already in use", failure.getMessage());
    }
  }

  @Test
  void failsWhenAnyProgramListensOnTheAddress() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      BindException failure = assertThrows(BindException.class, () -> EchoServer.start(
          EchoServerOptions.builder().bindAddress(InetAddress.getLoopbackAddress()).port(other.getLocalPort()).build()));
      assertEquals("TCP port " + other.getLocalPort() + " is already in use on 127.0.0.1:" + other.getLocalPort(),
          failure.getMessage());
    }
  }

  @Test
  void releasesThePortOnClose() throws Exception {
    int port;
    try (EchoServer first = EchoServer.start(EchoServerOptions.builder().port(0).build())) {
      port = first.port();
    }
    try (EchoServer again = EchoServer.start(EchoServerOptions.builder().port(port).build());
        EchoClient client = EchoClient.connect("127.0.0.1", port)) {
      assertEquals("again", client.echo("again"));
    }
  }
}
