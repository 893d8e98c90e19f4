package io.groundwire.time.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.groundwire.time.ZonedTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import okio.Buffer;
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

  /** The JSON object, compact, UTF-8. */
  public static String json(ZonedTime time) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      json.beginObject();
      json.name("abbreviation").value(time.abbreviation());
      json.name("client_ip").value(time.clientIp());
      json.name("datetime").value(TimeFormats.micros(time.dateTime()));
      json.name("day_of_week").value(time.dayOfWeek());
      json.name("day_of_year").value(time.dayOfYear());
      json.name("dst").value(time.dst());
      json.name("dst_from").value(transition(time.dstFrom()));
      json.name("dst_offset").value(time.dstOffset().getSeconds());
      json.name("dst_until").value(transition(time.dstUntil()));
      json.name("raw_offset").value(time.rawOffset().getSeconds());
      json.name("timezone").value(time.timezone());
      json.name("unixtime").value(time.unixTime());
      json.name("utc_datetime").value(TimeFormats.microsUtc(time.instant()));
      json.name("utc_offset").value(TimeFormats.offset(time.utcOffset()));
      json.name("week_number").value(time.weekNumber());
      json.name("tzdb_version").value(time.tzdbVersion());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
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
    } catch (DateTimeParseException | com.squareup.moshi.JsonDataException e) {
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
