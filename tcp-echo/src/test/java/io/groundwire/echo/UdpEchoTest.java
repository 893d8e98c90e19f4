package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UdpEchoTest {
  @Test
  void echoesDatagramOnTheSamePortWhenEnabled() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).udp(true).build());
        DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(5_000);
      byte[] payload = "datagram ☺".getBytes(StandardCharsets.UTF_8);
      client.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), server.port()));
      DatagramPacket echo = new DatagramPacket(new byte[65_536], 65_536);
      client.receive(echo);
      assertArrayEquals(payload, Arrays.copyOf(echo.getData(), echo.getLength()));
      assertEquals(server.port(), echo.getPort());
      assertEquals(1, server.stats().datagrams());
    }
  }

  @Test
  void echoesLargestIpv4DatagramWhole() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).udp(true).build());
        DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(5_000);
      byte[] payload = new byte[65_507];
      Arrays.fill(payload, (byte) 0xA5);
      client.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), server.port()));
      DatagramPacket echo = new DatagramPacket(new byte[65_536], 65_536);
      client.receive(echo);
      assertEquals(65_507, echo.getLength());
    }
  }

  @Test
  void echoesLargestIpv6DatagramWhole() throws Exception {
    InetAddress ipv6Loopback = InetAddress.getByName("::1");
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).udp(true).build());
        DatagramSocket client = new DatagramSocket(0, ipv6Loopback)) {
      client.setSoTimeout(5_000);
      byte[] payload = new byte[65_527]; // IPv6 carries 20 bytes more than IPv4
      Arrays.fill(payload, (byte) 0x5A);
      client.send(new DatagramPacket(payload, payload.length, ipv6Loopback, server.port()));
      DatagramPacket echo = new DatagramPacket(new byte[65_536], 65_536);
      client.receive(echo);
      assertEquals(65_527, echo.getLength());
    }
  }

  @Test
  void ignoresDatagramsWhenUdpIsOff() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
        DatagramSocket client = new DatagramSocket()) {
      client.setSoTimeout(300);
      byte[] payload = {1, 2, 3};
      client.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), server.port()));
      assertThrows(SocketTimeoutException.class, () -> client.receive(new DatagramPacket(new byte[16], 16)));
      assertEquals(0, server.stats().datagrams());
    }
  }
}
