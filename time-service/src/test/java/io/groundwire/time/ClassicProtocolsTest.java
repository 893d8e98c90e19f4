package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.time.internal.OneShot;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daytime (RFC 867) and Time (RFC 868), each over TCP and UDP, against a fixed clock. */
class ClassicProtocolsTest {
  private static final Instant FIXED = Instant.parse("2026-11-23T21:40:12.750Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private TimeService service;

  @BeforeEach
  void start() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts().httpPort(-1)
        .clock(Clock.fixed(FIXED, ZoneOffset.UTC)).defaultZone(ZoneId.of("Europe/Berlin")).build());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void daytimeOverTcpIsOneAsciiLineInTheDefaultZone() throws IOException {
    byte[] line = OneShot.tcp(service.daytimeAddress(), TIMEOUT, 512);
    assertEquals("Monday, November 23, 2026 22:40:12 +01:00 (CET)\r\n", new String(line, StandardCharsets.US_ASCII));
  }

  @Test
  void daytimeOverUdpAnswersAnyDatagramWithTheSameLine() throws IOException {
    byte[] line = OneShot.udp(service.daytimeAddress(), TIMEOUT);
    assertEquals("Monday, November 23, 2026 22:40:12 +01:00 (CET)\r\n", new String(line, StandardCharsets.US_ASCII));
  }

  @Test
  void timeOverTcpIsFourBytesOfSecondsSince1900() throws IOException {
    // 2026-11-23T21:40:12Z = 1795470012 s since 1970 + 2208988800 = 4004458812 = 0xEEAF_313C
    assertArrayEquals(new byte[] {(byte) 0xEE, (byte) 0xAF, (byte) 0x31, (byte) 0x3C},
        OneShot.tcp(service.timeAddress(), TIMEOUT, 16));
  }

  @Test
  void timeOverUdpAnswersAnEmptyDatagram() throws IOException {
    assertArrayEquals(new byte[] {(byte) 0xEE, (byte) 0xAF, (byte) 0x31, (byte) 0x3C},
        OneShot.udp(service.timeAddress(), TIMEOUT));
  }

  @Test
  void rfc868ClientReadsTheServersSecond() throws IOException {
    assertEquals(Instant.parse("2026-11-23T21:40:12Z"), Rfc868Client.tcp(service.timeAddress()).time());
    assertEquals(Instant.parse("2026-11-23T21:40:12Z"),
        new Rfc868Client(service.timeAddress(), true, TIMEOUT, Clock.systemUTC()).time());
  }

  @Test
  void daytimeClientEstimateBoundsTheOffsetWithinASecond() throws IOException {
    Clock local = Clock.fixed(FIXED.minusSeconds(10), ZoneOffset.UTC);
    OffsetEstimate estimate = new DaytimeClient(service.daytimeAddress(), false, TIMEOUT, local).estimate();
    assertTrue(estimate.contains(Duration.ofSeconds(10)), estimate.toString());
    assertTrue(estimate.errorBound().compareTo(Duration.ofMillis(600)) < 0, estimate.toString());
  }

  @Test
  void rfc868EstimateContainsTheServersShift() throws IOException {
    Clock local = Clock.fixed(FIXED.plusSeconds(3), ZoneOffset.UTC);
    OffsetEstimate estimate = new Rfc868Client(service.timeAddress(), false, TIMEOUT, local).estimate();
    assertTrue(estimate.contains(Duration.ofSeconds(-3)), estimate.toString());
  }

  @Test
  void countsRepliesPerProtocol() throws IOException {
    OneShot.tcp(service.daytimeAddress(), TIMEOUT, 512);
    OneShot.udp(service.timeAddress(), TIMEOUT);
    OneShot.tcp(service.timeAddress(), TIMEOUT, 16);
    assertEquals(1, service.stats().daytimeReplies());
    assertEquals(2, service.stats().timeReplies());
  }
}
