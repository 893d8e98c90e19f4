package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaytimeFormatTest {
  @Test
  void lineFollowsRfc867sSuggestionWithANumericOffset() {
    assertEquals("Sunday, March 29, 2026 03:00:00 +02:00 (CEST)\r\n",
        DaytimeFormat.line(Instant.parse("2026-03-29T01:00:00.9Z"), ZoneId.of("Europe/Berlin")));
  }

  @Test
  void ourLineReadsBack() {
    assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")),
        DaytimeFormat.parse("Sunday, March 29, 2026 03:00:00 +02:00 (CEST)\r\n"));
  }

  @Test
  void isoAndRfc1123LinesRead() {
    assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")), DaytimeFormat.parse("2026-03-29T01:00:00Z"));
    assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")),
        DaytimeFormat.parse("Sun, 29 Mar 2026 01:00:00 GMT"));
  }

  @Test
  void freeFormLineGivesEmpty() {
    assertEquals(Optional.empty(), DaytimeFormat.parse("61128 26-03-29 01:00:00 50 0 0 123.4 UTC(NIST) *"));
  }
}
