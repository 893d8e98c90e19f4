package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
  private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

  @Test
  void formatsImfFixdate() {
    assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE));
    assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(Instant.EPOCH));
    assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(Instant.ofEpochMilli(999)));
  }

  @Test
  void refusesUnrepresentableYears() {
    assertThrows(IllegalArgumentException.class, () -> HttpDates.format(Instant.parse("+10000-01-01T00:00:00Z")));
  }

  @Test
  void parsesAllThreeForms() {
    assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sun Nov  6 08:49:37 1994"));
    assertEquals(Optional.of(Instant.parse("1994-11-16T08:49:37Z")), HttpDates.parse("Wed Nov 16 08:49:37 1994"));
  }

  @Test
  void roundTripsFormattedDates() {
    Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    assertEquals(Optional.of(now), HttpDates.parse(HttpDates.format(now)));
  }

  @Test
  void interpretsTwoDigitYearsWithinFiftyYears() {
    assertEquals(Optional.of(Instant.parse("2060-01-01T00:00:00Z")),
        HttpDates.parse("Thursday, 01-Jan-60 00:00:00 GMT", 2026));
    assertEquals(Optional.of(Instant.parse("1980-01-01T00:00:00Z")),
        HttpDates.parse("Tuesday, 01-Jan-80 00:00:00 GMT", 2026));
  }

  @Test
  void rejectsAnythingElse() {
    String[] invalid = {
      "", "garbage", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
      "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
      "Sun, 06 Nov 1994 08:61:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT ",
      "Sunny, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 94", "1994-11-06T08:49:37Z",
      "Sun, 06 Nov 19a4 08:49:37 GMT", "Sun, 06 Nov 1994 08-49-37 GMT"
    };
    for (String text : invalid) assertEquals(Optional.empty(), HttpDates.parse(text), text);
    assertEquals(Optional.empty(), HttpDates.parse(null));
  }
}
