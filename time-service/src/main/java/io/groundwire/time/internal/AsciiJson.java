package io.groundwire.time.internal;

import io.groundwire.time.ZonedTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link WorldTimeFormat#json}'s object written straight into a byte array: the hot path of every
 * time response. StringBuilder's per-character capacity checks were most of the formatting cost.
 * Handles only what is common: ASCII strings needing no escapes and years 0000-9999; for anything
 * else {@link #json} answers null and the caller writes the object the general way.
 */
final class AsciiJson {
  private final byte[] bytes = new byte[512];
  private int size;

  private AsciiJson() {}

  /** The JSON object, or null when a value is outside what this writer handles. */
  static String json(ZonedTime time) {
    AsciiJson out = new AsciiJson();
    boolean ok = out.raw("{\"abbreviation\":").string(time.abbreviation())
        && out.raw(",\"client_ip\":").string(time.clientIp())
        && out.raw(",\"datetime\":").dateTime(time.dateTime())
        && out.raw(",\"day_of_week\":").number(time.dayOfWeek())
        && out.raw(",\"day_of_year\":").number(time.dayOfYear())
        && out.raw(time.dst() ? ",\"dst\":true" : ",\"dst\":false").transition(",\"dst_from\":", time.dstFrom())
        && out.raw(",\"dst_offset\":").number(time.dstOffset().getSeconds())
        && out.transition(",\"dst_until\":", time.dstUntil())
        && out.raw(",\"raw_offset\":").number(time.rawOffset().getSeconds())
        && out.raw(",\"timezone\":").string(time.timezone())
        && out.raw(",\"unixtime\":").number(time.unixTime())
        && out.raw(",\"utc_datetime\":").dateTime(time.dateTime().withOffsetSameInstant(ZoneOffset.UTC))
        && out.raw(",\"utc_offset\":\"").offset(time.utcOffset()).raw("\"")
            .raw(",\"week_number\":").number(time.weekNumber())
        && out.raw(",\"tzdb_version\":").string(time.tzdbVersion());
    return ok ? out.raw("}").text() : null;
  }

  private String text() {
    return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
  }

  /** Appends an ASCII literal (no quoting). */
  @SuppressWarnings("deprecation")
  private AsciiJson raw(String ascii) {
    int length = ascii.length();
    if (size + length > bytes.length) {
      size = bytes.length + 1; // cannot happen with this object's fields; fails the bounds below
      return this;
    }
    ascii.getBytes(0, length, bytes, size); // a straight copy: every char here is ASCII
    size += length;
    return this;
  }

  /** A string literal or null; false for what needs escaping or is not ASCII. */
  private boolean string(String value) {
    if (value == null) {
      raw("null");
      return fits();
    }
    int length = value.length();
    if (size + length + 2 > bytes.length) {
      return false;
    }
    bytes[size++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
      bytes[size++] = (byte) c;
    }
    bytes[size++] = '"';
    return true;
  }

  private boolean number(long value) {
    if (value < 0 || value > 999_999_999_999L || size + 12 > bytes.length) {
      raw(Long.toString(value));
      return fits();
    }
    int width = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      width++;
    }
    for (int i = size + width - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
    return true;
  }

  private boolean transition(String key, Instant at) {
    raw(key);
    if (at == null) {
      raw("null");
      return fits();
    }
    LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999 || size + 27 > bytes.length) {
      return false;
    }
    bytes[size++] = '"';
    seconds(utc);
    raw("+00:00\"");
    return true;
  }

  private boolean dateTime(OffsetDateTime at) {
    LocalDateTime local = at.toLocalDateTime();
    if (local.getYear() < 0 || local.getYear() > 9999 || size + 34 > bytes.length) {
      return false;
    }
    bytes[size++] = '"';
    seconds(local);
    bytes[size++] = '.';
    digits(local.getNano() / 1000, 6);
    offset(at.getOffset());
    bytes[size++] = '"';
    return true;
  }

  private void seconds(LocalDateTime at) {
    digits(at.getYear(), 4);
    bytes[size++] = '-';
    digits(at.getMonthValue(), 2);
    bytes[size++] = '-';
    digits(at.getDayOfMonth(), 2);
    bytes[size++] = 'T';
    digits(at.getHour(), 2);
    bytes[size++] = ':';
    digits(at.getMinute(), 2);
    bytes[size++] = ':';
    digits(at.getSecond(), 2);
  }

  private AsciiJson offset(ZoneOffset offset) {
    if (size + 6 > bytes.length) {
      size = bytes.length + 1;
      return this;
    }
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    bytes[size++] = (byte) (total < 0 ? '-' : '+');
    digits(abs / 3600, 2);
    bytes[size++] = ':';
    digits(abs % 3600 / 60, 2);
    return this;
  }

  /** {@code value} (0 to 10^width - 1) zero-padded to {@code width} digits. */
  private void digits(int value, int width) {
    for (int i = size + width - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
  }

  private boolean fits() {
    return size <= bytes.length;
  }
}
