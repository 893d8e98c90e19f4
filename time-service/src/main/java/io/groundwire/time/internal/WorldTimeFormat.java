package io.groundwire.time.internal;

import com.squareup.moshi.JsonReader;
import io.groundwire.time.ZonedTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import okio.BufferedSource;

/**
 * {@link ZonedTime} in worldtimeapi's two representations: the JSON object (keys in worldtimeapi's
 * alphabetical order, {@code tzdb_version} last) and the {@code .txt} form of "key: value" lines,
 * where null is written as nothing after the colon.
 */
public final class WorldTimeFormat {
  private static final JsonReader.Options NAMES = JsonReader.Options.of(
      "abbreviation", "client_ip", "datetime", "day_of_week", "day_of_year", "dst", "dst_from",
      "dst_offset", "dst_until", "raw_offset", "timezone", "unixtime", "utc_datetime", "utc_offset",
      "week_number", "tzdb_version");

  private WorldTimeFormat() {}

  /**
   * The JSON object, compact. This is the service's hottest path, so it is written straight into a
   * StringBuilder (Moshi's JsonWriter measured ~10 µs per object here, this well under 1 µs); every
   * string goes through {@link #quote}, and the tests read the result back with Moshi's reader.
   */
  public static String json(ZonedTime time) {
    String fast = AsciiJson.json(time);
    if (fast != null) {
      return fast;
    }
    StringBuilder out = new StringBuilder(448);
    out.append("{\"abbreviation\":");
    quote(out, time.abbreviation());
    out.append(",\"client_ip\":");
    quote(out, time.clientIp());
    out.append(",\"datetime\":");
    TimeFormats.appendMicros(out.append('"'), time.dateTime()).append('"');
    out.append(",\"day_of_week\":").append(time.dayOfWeek());
    out.append(",\"day_of_year\":").append(time.dayOfYear());
    out.append(",\"dst\":").append(time.dst());
    out.append(",\"dst_from\":");
    transition(out, time.dstFrom());
    out.append(",\"dst_offset\":").append(time.dstOffset().getSeconds());
    out.append(",\"dst_until\":");
    transition(out, time.dstUntil());
    out.append(",\"raw_offset\":").append(time.rawOffset().getSeconds());
    out.append(",\"timezone\":");
    quote(out, time.timezone());
    out.append(",\"unixtime\":").append(time.unixTime());
    out.append(",\"utc_datetime\":");
    TimeFormats.appendMicros(out.append('"'), time.dateTime().withOffsetSameInstant(ZoneOffset.UTC)).append('"');
    out.append(",\"utc_offset\":");
    TimeFormats.appendOffset(out.append('"'), time.utcOffset()).append('"');
    out.append(",\"week_number\":").append(time.weekNumber());
    out.append(",\"tzdb_version\":");
    quote(out, time.tzdbVersion());
    return out.append('}').toString();
  }

  /** A JSON string literal (RFC 8259 §7), or null. */
  static void quote(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** The {@code .txt} form: one "key: value" line per field, each ending in LF. */
  public static String text(ZonedTime time) {
    StringBuilder out = new StringBuilder(512);
    line(out, "abbreviation", time.abbreviation());
    line(out, "client_ip", time.clientIp());
    line(out, "datetime", TimeFormats.micros(time.dateTime()));
    line(out, "day_of_week", time.dayOfWeek());
    line(out, "day_of_year", time.dayOfYear());
    line(out, "dst", time.dst());
    line(out, "dst_from", transition(time.dstFrom()));
    line(out, "dst_offset", time.dstOffset().getSeconds());
    line(out, "dst_until", transition(time.dstUntil()));
    line(out, "raw_offset", time.rawOffset().getSeconds());
    line(out, "timezone", time.timezone());
    line(out, "unixtime", time.unixTime());
    line(out, "utc_datetime", TimeFormats.microsUtc(time.instant()));
    line(out, "utc_offset", TimeFormats.offset(time.utcOffset()));
    line(out, "week_number", time.weekNumber());
    line(out, "tzdb_version", time.tzdbVersion());
    return out.toString();
  }

  /**
   * Reads a worldtimeapi-shaped JSON object. Unknown keys are skipped; {@code datetime},
   * {@code timezone} and {@code utc_offset} are required.
   *
   * @throws IOException when the body is not such an object or a value is malformed
   */
  public static ZonedTime read(BufferedSource source) throws IOException {
    JsonReader json = JsonReader.of(source);
    String abbreviation = "";
    String clientIp = "";
    OffsetDateTime dateTime = null;
    int dayOfWeek = -1;
    int dayOfYear = -1;
    boolean dst = false;
    Instant dstFrom = null;
    long dstOffset = 0;
    Instant dstUntil = null;
    Long rawOffset = null;
    String timezone = null;
    ZoneOffset utcOffset = null;
    int weekNumber = -1;
    String tzdbVersion = null;
    try {
      json.beginObject();
      while (json.hasNext()) {
        int index = json.selectName(NAMES);
        if (index >= 0 && json.peek() == JsonReader.Token.NULL) {
          json.nextNull();
          continue;
        }
        switch (index) {
          case 0 -> abbreviation = json.nextString();
          case 1 -> clientIp = json.nextString();
          case 2 -> dateTime = OffsetDateTime.parse(json.nextString());
          case 3 -> dayOfWeek = json.nextInt();
          case 4 -> dayOfYear = json.nextInt();
          case 5 -> dst = json.nextBoolean();
          case 6 -> dstFrom = OffsetDateTime.parse(json.nextString()).toInstant();
          case 7 -> dstOffset = json.nextLong();
          case 8 -> dstUntil = OffsetDateTime.parse(json.nextString()).toInstant();
          case 9 -> rawOffset = json.nextLong();
          case 10 -> timezone = json.nextString();
          case 11, 12 -> json.skipValue();
          case 13 -> utcOffset = ZoneOffset.of(json.nextString());
          case 14 -> weekNumber = json.nextInt();
          case 15 -> tzdbVersion = json.nextString();
          default -> {
            json.skipName();
            json.skipValue();
          }
        }
      }
      json.endObject();
    } catch (java.time.DateTimeException | com.squareup.moshi.JsonDataException e) {
      throw new IOException("malformed worldtimeapi response: " + e.getMessage(), e);
    } catch (com.squareup.moshi.JsonEncodingException e) {
      throw new IOException("the response is not JSON, so not from a time service", e);
    }
    if (dateTime == null || timezone == null) {
      throw new IOException("malformed worldtimeapi response: datetime and timezone are required");
    }
    if (utcOffset == null) {
      utcOffset = dateTime.getOffset();
    }
    Duration raw = Duration.ofSeconds(rawOffset != null ? rawOffset : utcOffset.getTotalSeconds() - dstOffset);
    return new ZonedTime(timezone, abbreviation, dateTime, utcOffset, raw, Duration.ofSeconds(dstOffset),
        dst, dstFrom, dstUntil, dayOfWeek, dayOfYear, weekNumber, clientIp, tzdbVersion);
  }

  private static void transition(StringBuilder out, Instant instant) {
    if (instant == null) {
      out.append("null");
    } else {
      TimeFormats.appendSecondsUtc(out.append('"'), instant).append('"');
    }
  }

  private static String transition(Instant instant) {
    return instant == null ? null : TimeFormats.secondsUtc(instant);
  }

  private static void line(StringBuilder out, String key, Object value) {
    out.append(key).append(": ");
    if (value != null) {
      out.append(value);
    }
    out.append('\n');
  }
}
