package io.groundwire.time;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.time.internal.NtpPacket;
import io.groundwire.time.internal.NtpTime;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SntpServerTest {
  private static final Instant FIXED = Instant.parse("2026-11-23T21:40:12.250Z");
  private TimeService service;

  private TimeService start(TimeServiceOptions.Builder options) throws IOException {
    service = TimeService.start(options.bindAddress(InetAddress.getLoopbackAddress())
        .httpPort(-1).daytimePort(-1).timePort(-1).sntpPort(0).build());
    return service;
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static byte[] exchange(InetSocketAddress server, byte[] request) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      socket.send(new DatagramPacket(request, request.length, server));
      byte[] buffer = new byte[100];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      socket.receive(reply);
      return java.util.Arrays.copyOf(buffer, reply.getLength());
    }
  }

  private static byte[] clientRequest(int version, long transmit) {
    return new NtpPacket(0, version, NtpPacket.MODE_CLIENT, 0, 6, 0, 0, 0, 0, 0, 0, 0, transmit).toBytes();
  }

  @Test
  void replyIsMode4WithOriginateCopiedAndTheClocksTimes() throws IOException {
    start(TimeServiceOptions.builder().clock(Clock.fixed(FIXED, ZoneOffset.UTC)).stratum(2).referenceId("GPS"));
    long transmit = 0xDEAD_BEEF_0123_4567L;
    NtpPacket reply = NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), clientRequest(4, transmit))));
    assertEquals(NtpPacket.MODE_SERVER, reply.mode());
    assertEquals(4, reply.version());
    assertEquals(0, reply.leap());
    assertEquals(2, reply.stratum());
    assertEquals(6, reply.poll());
    assertEquals(-20, reply.precision());
    assertEquals("GPS", reply.referenceCode());
    assertEquals(transmit, reply.originTimestamp());
    assertEquals(FIXED, NtpTime.fromTimestamp(reply.receiveTimestamp()));
    assertEquals(FIXED, NtpTime.fromTimestamp(reply.transmitTimestamp()));
  }

  @Test
  void replyKeepsTheRequestsVersion() throws IOException {
    start(TimeServiceOptions.builder());
    NtpPacket reply = NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), clientRequest(3, 1))));
    assertEquals(3, reply.version());
  }

  @Test
  void requestWithExtensionFieldsAfterTheHeaderIsAnswered() throws IOException {
    start(TimeServiceOptions.builder());
    byte[] request = java.util.Arrays.copyOf(clientRequest(4, 7), 48 + 20);
    NtpPacket reply = NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), request)));
    assertEquals(7L, reply.originTimestamp());
  }

  @Test
  void rootDelayAndDispersionAreAnnouncedInShortFormat() throws IOException {
    start(TimeServiceOptions.builder().rootDelay(Duration.ofMillis(500)).rootDispersion(Duration.ofMillis(250)));
    NtpPacket reply = NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), clientRequest(4, 1))));
    assertEquals(0x0000_8000, reply.rootDelay());
    assertEquals(0x0000_4000, reply.rootDispersion());
  }

  @Test
  void shortAndNonClientDatagramsAreIgnoredAndCounted() throws IOException {
    start(TimeServiceOptions.builder());
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(new DatagramPacket(new byte[47], 47, service.sntpAddress()));
      byte[] server = new NtpPacket(0, 4, NtpPacket.MODE_SERVER, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1).toBytes();
      socket.send(new DatagramPacket(server, server.length, service.sntpAddress()));
      byte[] version0 = clientRequest(0, 1);
      socket.send(new DatagramPacket(version0, version0.length, service.sntpAddress()));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> service.stats().malformedDatagrams() == 3);
    // The server still answers a good request afterwards.
    assertEquals(NtpPacket.MODE_SERVER,
        NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), clientRequest(4, 1)))).mode());
    assertEquals(1, service.stats().sntpReplies());
  }

  @Test
  void clientOverItsRateGetsKissOfDeathRate() throws IOException {
    start(TimeServiceOptions.builder().rateLimit(0.001, 2));
    exchange(service.sntpAddress(), clientRequest(4, 1));
    exchange(service.sntpAddress(), clientRequest(4, 2));
    NtpPacket kiss = NtpPacket.read(ByteBuffer.wrap(exchange(service.sntpAddress(), clientRequest(4, 3))));
    assertTrue(kiss.isKissOfDeath());
    assertEquals("RATE", kiss.referenceCode());
    assertEquals(3, kiss.leap());
    assertEquals(3L, kiss.originTimestamp());
    assertEquals(1, service.stats().kissOfDeathSent());
  }

  @Test
  void aFloodFromARefusedClientGetsOneKissNotOnePerRequest() throws IOException {
    start(TimeServiceOptions.builder().rateLimit(0.001, 1));
    exchange(service.sntpAddress(), clientRequest(4, 1));
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      for (int i = 0; i < 20; i++) {
        byte[] request = clientRequest(4, 100 + i);
        socket.send(new DatagramPacket(request, request.length, service.sntpAddress()));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> service.stats().rateLimited() == 20);
      DatagramPacket reply = new DatagramPacket(new byte[100], 100);
      socket.receive(reply);
      assertTrue(NtpPacket.read(ByteBuffer.wrap(reply.getData(), 0, reply.getLength())).isKissOfDeath());
      socket.setSoTimeout(200);
      assertThrows(java.net.SocketTimeoutException.class, () -> socket.receive(reply), "a second reply came");
    }
    assertEquals(1, service.stats().kissOfDeathSent());
  }

  @Test
  void sntpClientHonoursKissOfDeathAndStopsAsking() throws IOException {
    start(TimeServiceOptions.builder().rateLimit(0.001, 3));
    SntpClient client = SntpClient.builder(service.sntpAddress()).samples(8).build();
    OffsetEstimate partial = client.estimate();
    assertEquals(3, partial.samples(), "stops at the kiss and uses the answered samples");
    KissOfDeathException e = assertThrows(KissOfDeathException.class, client::estimate);
    assertEquals("RATE", e.code());
    assertEquals(1, service.stats().kissOfDeathSent(), "the second estimate sent nothing");
  }

  @Test
  void offsetEstimateContainsAKnownShiftOfTwoAndAHalfSeconds() throws IOException {
    Duration shift = Duration.ofMillis(2500);
    start(TimeServiceOptions.builder().clock(Clock.offset(Clock.systemUTC(), shift)));
    OffsetEstimate estimate = SntpClient.builder(service.sntpAddress()).build().estimate();
    assertEquals(8, estimate.samples());
    assertTrue(estimate.contains(shift), estimate.toString());
    assertTrue(estimate.errorBound().compareTo(Duration.ofMillis(100)) < 0, estimate.toString());
  }

  @Test
  void sntpClientTimesOutAgainstASilentPort() throws IOException {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      SntpClient client = SntpClient.builder((InetSocketAddress) silent.getLocalSocketAddress())
          .samples(1).timeout(Duration.ofMillis(200)).build();
      assertThrows(java.net.SocketTimeoutException.class, client::estimate);
    }
  }
}
