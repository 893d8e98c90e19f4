package io.groundwire.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7). Writes the preferred IMF-fixdate form,
 * {@code Sun, 06 Nov 1994 08:49:37 GMT}; reads it and the two obsolete forms, RFC 850
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and ANSI C's asctime ({@code Sun Nov  6 08:49:37 1994}).
 * Hand-written and allocation-light, since servers format a {@code Date} for every response.
 */
public final class HttpDates {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] LONG_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HttpDates() {}

  /**
   * Formats {@code instant} (fractions of a second dropped) as an IMF-fixdate.
   *
   * @throws IllegalArgumentException if the year is outside 0001..9999 (not representable)
   */
  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year not representable in an HTTP date: " + year);
    }
    char[] c = new char[29];
    String day = DAYS[t.getDayOfWeek().getValue() - 1];
    String month = MONTHS[t.getMonthValue() - 1];
    c[0] = day.charAt(0);
    c[1] = day.charAt(1);
    c[2] = day.charAt(2);
    c[3] = ',';
    c[4] = ' ';
    two(c, 5, t.getDayOfMonth());
    c[7] = ' ';
    c[8] = month.charAt(0);
    c[9] = month.charAt(1);
    c[10] = month.charAt(2);
    c[11] = ' ';
    two(c, 12, year / 100);
    two(c, 14, year % 100);
    c[16] = ' ';
    two(c, 17, t.getHour());
    c[19] = ':';
    two(c, 20, t.getMinute());
    c[22] = ':';
    two(c, 23, t.getSecond());
    c[25] = ' ';
    c[26] = 'G';
    c[27] = 'M';
    c[28] = 'T';
    return new String(c);
  }

  private static void two(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * Parses an HTTP date in any of the three forms. Never throws: returns empty for anything that is
   * not exactly one of the forms or names an impossible date (e.g. 31 Feb). A two-digit RFC 850
   * year more than 50 years in the future is taken as the past century's.
   */
  public static Optional<Instant> parse(String text) {
    return parse(text, Year.now(ZoneOffset.UTC).getValue());
  }

  static Optional<Instant> parse(String text, int currentYear) {
    if (text == null || text.length() < 24) return Optional.empty();
    try {
      if (text.charAt(3) == ',') return parseImfFixdate(text);
      if (text.charAt(3) == ' ') return parseAsctime(text);
      return parseRfc850(text, currentYear);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  // Sun, 06 Nov 1994 08:49:37 GMT
  private static Optional<Instant> parseImfFixdate(String s) {
    if (s.length() != 29
        || indexOf(DAYS, s, 0) < 0
        || s.charAt(4) != ' '
        || s.charAt(7) != ' '
        || s.charAt(11) != ' '
        || s.charAt(16) != ' '
        || !s.startsWith(" GMT", 25)) {
      return Optional.empty();
    }
    int day = digits(s, 5, 2);
    int month = indexOf(MONTHS, s, 8) + 1;
    int year = digits(s, 12, 4);
    return time(s, 17, year, month, day);
  }

  // Sunday, 06-Nov-94 08:49:37 GMT
  private static Optional<Instant> parseRfc850(String s, int currentYear) {
    int comma = s.indexOf(',');
    if (comma < 0 || !contains(LONG_DAYS, s.substring(0, comma))) return Optional.empty();
    int p = comma + 1;
    if (s.length() != p + 23
        || s.charAt(p) != ' '
        || s.charAt(p + 3) != '-'
        || s.charAt(p + 7) != '-'
        || s.charAt(p + 10) != ' '
        || !s.startsWith(" GMT", p + 19)) {
      return Optional.empty();
    }
    int day = digits(s, p + 1, 2);
    int month = indexOf(MONTHS, s, p + 4) + 1;
    int twoDigitYear = digits(s, p + 8, 2);
    if (twoDigitYear < 0) return Optional.empty();
    // RFC 9110 §5.6.7: more than 50 years in the future means the most recent past such year.
    int year = currentYear - currentYear % 100 + twoDigitYear;
    if (year > currentYear + 50) year -= 100;
    return time(s, p + 11, year, month, day);
  }

  // Sun Nov  6 08:49:37 1994
  private static Optional<Instant> parseAsctime(String s) {
    if (s.length() != 24
        || indexOf(DAYS, s, 0) < 0
        || s.charAt(7) != ' '
        || s.charAt(10) != ' '
        || s.charAt(19) != ' ') {
      return Optional.empty();
    }
    int month = indexOf(MONTHS, s, 4) + 1;
    int day = s.charAt(8) == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
    int year = digits(s, 20, 4);
    return time(s, 11, year, month, day);
  }

  // hh:mm:ss at index p, then assemble. Any negative part means a syntax error.
  private static Optional<Instant> time(String s, int p, int year, int month, int day) {
    if (s.charAt(p + 2) != ':' || s.charAt(p + 5) != ':') return Optional.empty();
    int hour = digits(s, p, 2);
    int minute = digits(s, p + 3, 2);
    int second = digits(s, p + 6, 2);
    if (year < 0 || month <= 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return Optional.empty();
    }
    if (second == 60) second = 59; // a leap second, as RFC 5322 allows
    LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
    return Optional.of(t.toInstant(ZoneOffset.UTC));
  }

  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int indexOf(String[] names, String s, int at) {
    for (int i = 0; i < names.length; i++) {
      if (s.startsWith(names[i], at)) return i;
    }
    return -1;
  }

  private static boolean contains(String[] names, String s) {
    for (String name : names) {
      if (name.equals(s)) return true;
    }
    return false;
  }
}
