package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonReader;
import io.groundwire.time.internal.WorldTimeFormat;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * worldtimeapi.org compatibility, field by field, for fixed instants. The expected documents are
 * written from worldtimeapi's documented schema (https://worldtimeapi.org/pages/schema) and the
 * responses it is known to give: keys in alphabetical order, microseconds always, Sunday = 0,
 * ISO week numbers, transitions in UTC with whole seconds, dst_from/dst_until null outside DST.
 */
class WorldTimeCompatibilityTest {
  private static final String BERLIN_SUMMER = """
      {
        "abbreviation": "CEST",
        "client_ip": "203.0.113.7",
        "datetime": "2026-07-15T12:20:30.123456+02:00",
        "day_of_week": 3,
        "day_of_year": 196,
        "dst": true,
        "dst_from": "2026-03-29T01:00:00+00:00",
        "dst_offset": 3600,
        "dst_until": "2026-10-25T01:00:00+00:00",
        "raw_offset": 3600,
        "timezone": "Europe/Berlin",
        "unixtime": 1784110830,
        "utc_datetime": "2026-07-15T10:20:30.123456+00:00",
        "utc_offset": "+02:00",
        "week_number": 29
      }
      """;

  private static final String NEW_YORK_NEW_YEARS_EVE = """
      {
        "abbreviation": "EST",
        "client_ip": "198.51.100.1",
        "datetime": "2026-12-31T22:04:05.000000-05:00",
        "day_of_week": 4,
        "day_of_year": 365,
        "dst": false,
        "dst_from": null,
        "dst_offset": 0,
        "dst_until": null,
        "raw_offset": -18000,
        "timezone": "America/New_York",
        "unixtime": 1798772645,
        "utc_datetime": "2027-01-01T03:04:05.000000+00:00",
        "utc_offset": "-05:00",
        "week_number": 53
      }
      """;

  @Test
  void berlinInSummerMatchesWorldtimeapiFieldByField() throws IOException {
    ZonedTime time = ZonedTime.of(Instant.parse("2026-07-15T10:20:30.123456789Z"),
        ZoneId.of("Europe/Berlin"), "203.0.113.7");
    assertSameFields(BERLIN_SUMMER, WorldTimeFormat.json(time));
  }

  @Test
  void newYorkOnNewYearsEveMatchesWorldtimeapiFieldByField() throws IOException {
    ZonedTime time = ZonedTime.of(Instant.parse("2027-01-01T03:04:05Z"),
        ZoneId.of("America/New_York"), "198.51.100.1");
    assertSameFields(NEW_YORK_NEW_YEARS_EVE, WorldTimeFormat.json(time));
  }

  @Test
  void textFormIsKeyColonValueLinesWithNullsEmpty() {
    ZonedTime time = ZonedTime.of(Instant.parse("2027-01-01T03:04:05Z"),
        ZoneId.of("America/New_York"), "198.51.100.1");
    String text = WorldTimeFormat.text(time);
    assertEquals("""
        abbreviation: EST
        client_ip: 198.51.100.1
        datetime: 2026-12-31T22:04:05.000000-05:00
        day_of_week: 4
        day_of_year: 365
        dst: false
        dst_from:\s
        dst_offset: 0
        dst_until:\s
        raw_offset: -18000
        timezone: America/New_York
        unixtime: 1798772645
        utc_datetime: 2027-01-01T03:04:05.000000+00:00
        utc_offset: -05:00
        week_number: 53
        tzdb_version: %s
        """.formatted(ZonedTime.currentTzdbVersion()), text);
  }

  @Test
  void jsonReadsBackIntoTheSameTypedValue() throws IOException {
    ZonedTime time = ZonedTime.of(Instant.parse("2026-07-15T10:20:30.123456Z"),
        ZoneId.of("Europe/Berlin"), "203.0.113.7");
    assertEquals(time, WorldTimeFormat.read(new Buffer().writeUtf8(WorldTimeFormat.json(time))));
  }

  @Test
  void worldtimeapiResponseWithoutTzdbVersionReads() throws IOException {
    ZonedTime read = WorldTimeFormat.read(new Buffer().writeUtf8(NEW_YORK_NEW_YEARS_EVE));
    assertEquals(Instant.parse("2027-01-01T03:04:05Z"), read.instant());
    assertEquals(-18000, read.rawOffset().getSeconds());
    assertEquals(null, read.tzdbVersion());
  }

  private static void assertSameFields(String expectedJson, String actualJson) throws IOException {
    Map<String, Object> expected = object(expectedJson);
    Map<String, Object> actual = object(actualJson);
    assertEquals(ZonedTime.currentTzdbVersion(), actual.remove("tzdb_version"));
    List<String> expectedKeys = new ArrayList<>(expected.keySet());
    assertEquals(expectedKeys, new ArrayList<>(actual.keySet()), "keys and their order");
    for (String key : expectedKeys) {
      assertEquals(expected.get(key), actual.get(key), key);
    }
  }

  private static Map<String, Object> object(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Map<String, Object> fields = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      fields.put(reader.nextName(), reader.readJsonValue());
    }
    reader.endObject();
    return fields;
  }
}
