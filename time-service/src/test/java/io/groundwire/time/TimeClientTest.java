package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TimeClient against our own service over loopback. */
class TimeClientTest {
  private TimeService service;
  private TimeClient client;

  private void start(Clock clock) throws IOException {
    service = TimeService.start(TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts()
        .daytimePort(-1).timePort(-1).clock(clock).build());
    client = TimeClient.builder("http://127.0.0.1:" + service.httpAddress().getPort()).build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRejectedWhenBuilding() {
    TimeClient.Builder builder = TimeClient.builder("http://127.0.0.1:1");
    assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofSeconds(-1)));
  }

  @Test
  void timeIsATypedValue() throws IOException {
    start(Clock.fixed(Instant.parse("2026-07-15T10:20:30.123456Z"), ZoneOffset.UTC));
    ZonedTime berlin = client.time("Europe/Berlin");
    assertEquals("Europe/Berlin", berlin.timezone());
    assertEquals(Instant.parse("2026-07-15T10:20:30.123456Z"), berlin.instant());
    assertEquals(ZoneOffset.ofHours(2), berlin.utcOffset());
    assertEquals(Duration.ofHours(1), berlin.rawOffset());
    assertTrue(berlin.dst());
    assertEquals(Instant.parse("2026-10-25T01:00:00Z"), berlin.dstUntil());
  }

  @Test
  void listsZonesAndAreas() throws IOException {
    start(Clock.systemUTC());
    assertTrue(client.zones().contains("America/New_York"));
    List<String> europe = client.zones("Europe");
    assertTrue(europe.contains("Europe/Berlin") && europe.stream().allMatch(z -> z.startsWith("Europe/")));
  }

  @Test
  void unknownZoneFailsWithTheServersSuggestions() throws IOException {
    start(Clock.systemUTC());
    TimeServiceException e = assertThrows(TimeServiceException.class, () -> client.time("Europe/Lodnon"));
    assertEquals(404, e.status());
    assertEquals("Europe/London", ((List<?>) e.details().get("suggestions")).get(0));
  }

  @Test
  void convertReturnsBothSidesAndTheResolution() throws IOException {
    start(Clock.systemUTC());
    Conversion c = client.convert("Australia/Lord_Howe", "2026-04-05T01:45:00", "UTC", Ambiguity.LATER);
    assertEquals(Instant.parse("2026-04-04T15:15:00Z"), c.instant());
    assertEquals(Conversion.Resolution.OVERLAP_LATER, c.resolution());
    assertEquals("+10:30", c.from().getOffset().getId());
  }

  @Test
  void convertOfAGapWithRejectFailsWith422AndBothReadings() throws IOException {
    start(Clock.systemUTC());
    TimeServiceException e = assertThrows(TimeServiceException.class,
        () -> client.convert("Europe/Berlin", "2026-03-29T02:30:00", "UTC", Ambiguity.REJECT));
    assertEquals(422, e.status());
    assertEquals("2026-03-29T02:30:00+01:00", e.details().get("earlier"));
  }

  @Test
  void zoneDetailsReadBack() throws IOException {
    start(Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC));
    ZoneDetails ny = client.zone("America/New_York");
    assertEquals(ZoneOffset.ofHours(-5), ny.offset());
    assertEquals(Instant.parse("2026-03-08T07:00:00Z"), ny.next().at());
    assertTrue(ny.next().gap());
  }

  @Test
  void offsetOverHttpContainsAKnownShiftOfTwoAndAHalfSeconds() throws IOException {
    Duration shift = Duration.ofMillis(2500);
    start(Clock.offset(Clock.systemUTC(), shift));
    OffsetEstimate estimate = client.estimate();
    assertEquals(8, estimate.samples());
    assertTrue(estimate.contains(shift), estimate.toString());
    assertTrue(estimate.errorBound().compareTo(Duration.ofMillis(200)) < 0, estimate.toString());
    assertTrue(estimate.source().endsWith("/api/sync"));
  }

  @Test
  void rateLimitedClientGets429WithRetryAfter() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts().daytimePort(-1).timePort(-1)
        .sntpPort(-1).rateLimit(0.01, 2).build());
    client = TimeClient.builder("http://127.0.0.1:" + service.httpAddress().getPort()).build();
    client.time("UTC");
    client.time("UTC");
    TimeServiceException e = assertThrows(TimeServiceException.class, () -> client.time("UTC"));
    assertEquals(429, e.status());
    assertEquals("100", e.details().get("retry_after"));
    assertEquals(1, service.stats().rateLimited());
  }
}
