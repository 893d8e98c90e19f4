package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without a bind address every listener answers on IPv4 and IPv6 alike. */
@Timeout(30)
class DualStackTest {
  private TimeService service;

  @BeforeEach
  void start() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder().ephemeralPorts().build());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void defaultBindAddressIsEveryInterface() {
    assertEquals(null, TimeServiceOptions.builder().build().bindAddress());
    assertTrue(service.httpAddress().getAddress().isAnyLocalAddress());
  }

  @Test
  void tcpListenersAnswerOnIpv4AndIpv6() throws IOException {
    assertEquals(4, timeOverTcp("127.0.0.1").length);
    assumeIpv6();
    assertEquals(4, timeOverTcp("::1").length);
    try (Socket http = new Socket(InetAddress.getByName("::1"), service.httpAddress().getPort())) {
      assertTrue(http.isConnected());
    }
  }

  @Test
  void anIpv6ClientIsNamedInCanonicalForm() throws IOException {
    assumeIpv6();
    try (Socket http = new Socket(InetAddress.getByName("::1"), service.httpAddress().getPort())) {
      http.setSoTimeout(5000);
      http.getOutputStream().write(
          "GET /api/ip HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.contains("\"client_ip\":\"::1\""), response); // not 0:0:0:0:0:0:0:1
    }
  }

  @Test
  void udpListenersAnswerOnIpv4AndIpv6() throws IOException {
    assertEquals(4, timeOverUdp("127.0.0.1"));
    assumeIpv6();
    assertEquals(4, timeOverUdp("::1"));
  }

  private byte[] timeOverTcp(String host) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName(host), service.timeAddress().getPort())) {
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();
      return in.readAllBytes();
    }
  }

  private int timeOverUdp(String host) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(host))) {
      socket.setSoTimeout(5000);
      socket.send(new DatagramPacket(new byte[0], 0,
          new InetSocketAddress(InetAddress.getByName(host), service.timeAddress().getPort())));
      DatagramPacket reply = new DatagramPacket(new byte[64], 64);
      socket.receive(reply);
      return reply.getLength();
    }
  }

  private static void assumeIpv6() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      Assumptions.assumeTrue(probe.isBound());
    } catch (IOException e) {
      Assumptions.abort("no IPv6 loopback on this machine");
    }
  }
}
