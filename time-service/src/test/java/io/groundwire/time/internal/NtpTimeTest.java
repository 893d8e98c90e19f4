package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimeTest {
  private static final Instant NOW_2026 = Instant.parse("2026-11-23T21:40:12Z");

  @Test
  void rfc868SecondsAt1900AreZero() {
    assertEquals(0L, NtpTime.toSeconds32(Instant.parse("1900-01-01T00:00:00Z")));
  }

  @Test
  void rfc868SecondsAt1970AreTheEpochDifference() {
    assertEquals(2_208_988_800L, NtpTime.toSeconds32(Instant.EPOCH));
  }

  @Test
  void rfc868SecondsWrapToZeroAtTheEra1Start() {
    assertEquals(Instant.parse("2036-02-07T06:28:16Z"), NtpTime.ERA_1_START);
    assertEquals(0L, NtpTime.toSeconds32(Instant.parse("2036-02-07T06:28:16Z")));
    assertEquals(0xFFFF_FFFFL, NtpTime.toSeconds32(Instant.parse("2036-02-07T06:28:15Z")));
    assertEquals(1L, NtpTime.toSeconds32(Instant.parse("2036-02-07T06:28:17Z")));
  }

  @Test
  void rfc868SecondsDecodeInTheEraNearestThePivot() {
    assertEquals(Instant.EPOCH, NtpTime.fromSeconds32(2_208_988_800L, NOW_2026));
    assertEquals(Instant.parse("2036-02-07T06:28:16Z"), NtpTime.fromSeconds32(0L, NOW_2026));
    assertEquals(Instant.parse("2036-02-07T06:28:17Z"), NtpTime.fromSeconds32(1L, NOW_2026));
    assertEquals(Instant.parse("1900-01-01T00:00:00Z"),
        NtpTime.fromSeconds32(0L, Instant.parse("1901-01-01T00:00:00Z")));
    assertEquals(Instant.parse("2036-02-07T06:28:15Z"),
        NtpTime.fromSeconds32(0xFFFF_FFFFL, Instant.parse("2036-03-01T00:00:00Z")));
  }

  @Test
  void rfc868SecondsOfNowDecodeBackToNow() {
    assertEquals(NOW_2026, NtpTime.fromSeconds32(NtpTime.toSeconds32(NOW_2026), NOW_2026));
  }

  @Test
  void ntpTimestampOf1970HasTheEpochSecondsAndNoFraction() {
    assertEquals(0x83AA_7E80_0000_0000L, NtpTime.toTimestamp(Instant.EPOCH));
  }

  @Test
  void ntpTimestampOfHalfASecondHasTheTopFractionBitSet() {
    assertEquals(0x83AA_7E80_8000_0000L, NtpTime.toTimestamp(Instant.ofEpochSecond(0, 500_000_000)));
  }

  @Test
  void ntpTimestampsRoundTripToTheNanosecond() {
    for (Instant instant : new Instant[] {
        Instant.parse("1968-01-20T03:14:08.000000001Z"),
        Instant.parse("2026-11-23T21:40:12.123456789Z"),
        Instant.parse("2036-02-07T06:28:15.999999999Z"),
        Instant.parse("2036-02-07T06:28:16Z"),
        Instant.parse("2100-01-01T00:00:00.5Z")}) {
      assertEquals(instant, NtpTime.fromTimestamp(NtpTime.toTimestamp(instant), instant.plusSeconds(86400L * 3650)),
          instant.toString());
    }
  }

  @Test
  void ntpTimestampDecodesByTheMostSignificantBitWithoutAPivot() {
    // RFC 4330 §3: MSB set -> 1968-2036, clear -> 2036-2104
    assertEquals(Instant.parse("2026-11-23T21:40:12Z"),
        NtpTime.fromTimestamp(NtpTime.toTimestamp(Instant.parse("2026-11-23T21:40:12Z"))));
    assertEquals(Instant.parse("2036-02-07T06:28:17Z"), NtpTime.fromTimestamp(1L << 32));
  }

  @Test
  void ntpShortFormatHasSixteenFractionBits() {
    assertEquals(0x0001_8000, NtpTime.toShort(Duration.ofMillis(1500)));
    assertEquals(Duration.ofMillis(1500), NtpTime.fromShort(0x0001_8000));
    assertEquals(0xFFFF_FFFF, NtpTime.toShort(Duration.ofDays(2)));
  }
}
