package io.groundwire.time.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The zone IDs the service knows (the JDK's tz database without the legacy {@code SystemV/} IDs),
 * looked up case-insensitively as worldtimeapi does ("america/new_york" finds "America/New_York"),
 * with close-match suggestions for IDs that do not exist.
 */
public final class ZoneCatalog {
  private static final int MAX_SUGGESTIONS = 3;
  private static final ZoneCatalog DEFAULT = new ZoneCatalog();

  private final List<String> ids;
  private final int longestId;
  private final Map<String, ZoneId> byId = new HashMap<>();
  private final Map<String, ZoneId> byLowerCase = new HashMap<>();

  private ZoneCatalog() {
    List<String> all = new ArrayList<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (!id.startsWith("SystemV/")) {
        all.add(id);
        ZoneId zone = ZoneId.of(id);
        byId.put(id, zone);
        byLowerCase.put(id.toLowerCase(Locale.ROOT), zone);
      }
    }
    all.sort(Comparator.naturalOrder());
    ids = List.copyOf(all);
    longestId = ids.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The catalog of the running JDK's tz database. */
  public static ZoneCatalog get() {
    return DEFAULT;
  }

  /** Every zone ID, sorted. */
  public List<String> ids() {
    return ids;
  }

  /** The zone IDs under {@code area} ("Europe" gives "Europe/Amsterdam", ...), sorted; empty if none. */
  public List<String> inArea(String area) {
    String prefix = area.toLowerCase(Locale.ROOT) + "/";
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      if (id.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        found.add(id);
      }
    }
    return found;
  }

  /** The zone with this ID, ignoring case. The zones are made once: ZoneId.of costs on every call. */
  public Optional<ZoneId> find(String id) {
    ZoneId exact = byId.get(id);
    return Optional.ofNullable(exact != null ? exact : byLowerCase.get(id.toLowerCase(Locale.ROOT)));
  }

  /**
   * Up to three known IDs close to {@code unknown}, best first: same city, then small edit distance.
   * An empty or one-character name gets none: every short ID would be "close" to it.
   */
  public List<String> suggestionsFor(String unknown) {
    String wanted = unknown.strip().toLowerCase(Locale.ROOT);
    // Twice the longest ID is farther from every ID than a suggestion may be; without this cut a
    // 7,000-character name cost a quarter of a second of edit distances.
    if (wanted.length() < 2 || wanted.length() > 2 * longestId) return List.of();
    String wantedCity = lastSegment(wanted);
    record Scored(String id, int score) {}
    List<Scored> scored = new ArrayList<>();
    int limit = Math.max(2, wanted.length() / 4);
    for (String id : ids) {
      String lower = id.toLowerCase(Locale.ROOT);
      String city = lastSegment(lower);
      int score;
      if (city.equals(wantedCity)) {
        score = 0;
      } else {
        score = Math.min(distance(wanted, lower), distance(wantedCity, city) + 1);
      }
      if (score <= limit) {
        scored.add(new Scored(id, score));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::id));
    return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::id).toList();
  }

  private static String lastSegment(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
