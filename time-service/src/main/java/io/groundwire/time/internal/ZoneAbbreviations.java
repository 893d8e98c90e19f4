package io.groundwire.time.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abbreviation worldtimeapi shows for a zone at an instant ("CET", "EDT", "+04"). The JDK carries
 * CLDR's English short names; where CLDR has none it answers "GMT+04:00", which is turned into tzdb's
 * numeric form ("+04", "+0530"), the form worldtimeapi (which reads tzdb) shows for such zones.
 */
public final class ZoneAbbreviations {
  private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private ZoneAbbreviations() {}

  /** Looking names up is slow (~0.5 µs) and they depend only on zone, offset and DST. */
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  /** The abbreviation in force in {@code zone} at {@code instant}. */
  public static String of(ZoneId zone, Instant instant) {
    var rules = zone.getRules();
    String key = zone.getId() + '|' + rules.getOffset(instant).getTotalSeconds() + '|' + rules.isDaylightSavings(instant);
    String cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    String name = lookUp(zone, instant);
    if (CACHE.size() < 10_000) {
      CACHE.put(key, name);
    }
    return name;
  }

  private static String lookUp(ZoneId zone, Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    String name = SHORT_NAME.format(at);
    if (name.startsWith("GMT") && name.length() > 3) {
      return numeric(at.getOffset());
    }
    return name;
  }

  private static String numeric(ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String sign = total < 0 ? "-" : "+";
    int hours = abs / 3600;
    int minutes = (abs % 3600) / 60;
    return minutes == 0
        ? String.format(Locale.ROOT, "%s%02d", sign, hours)
        : String.format(Locale.ROOT, "%s%02d%02d", sign, hours, minutes);
  }
}
