package io.groundwire.time.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a zone's rules say between two of its transitions: offset, standard offset, DST and its
 * period, abbreviation. All of it is constant strictly between the surrounding transitions, so it is
 * computed once per zone and period and reused until the instant leaves the period (the per-request
 * transition searches, abbreviation lookup and Duration objects were most of a time response's cost).
 *
 * @param after the transition instant this period starts after (exclusive), or null for none
 * @param before the transition instant this period ends at (exclusive), or null for none
 * @param offset the total offset
 * @param rawOffset the standard offset as a duration
 * @param dstOffset the daylight-saving amount
 * @param dst whether daylight saving is in force
 * @param dstFrom when DST began, null when {@code dst} is false
 * @param dstUntil when DST ends, null when {@code dst} is false
 * @param abbreviation the abbreviation in force
 */
public record ZonePeriod(Instant after, Instant before, ZoneOffset offset, Duration rawOffset,
    Duration dstOffset, boolean dst, Instant dstFrom, Instant dstUntil, String abbreviation) {
  private static final int MAX_ZONES = 4096;
  private static final ConcurrentHashMap<ZoneId, ZonePeriod> CURRENT = new ConcurrentHashMap<>();

  /** The period of {@code zone} containing {@code at}, from the cache when {@code at} is inside it. */
  public static ZonePeriod of(ZoneId zone, Instant at) {
    ZonePeriod cached = CURRENT.get(zone);
    if (cached != null && cached.contains(at)
        // A standard-offset change that keeps the total offset is no transition; check for one.
        && zone.getRules().getStandardOffset(at).getTotalSeconds() == cached.rawOffset.getSeconds()) {
      return cached;
    }
    ZonePeriod computed = compute(zone, at);
    if (computed.cacheable(zone.getRules()) && (cached != null || CURRENT.size() < MAX_ZONES)) {
      CURRENT.put(zone, computed);
    }
    return computed;
  }

  /** True when {@code at} lies strictly between this period's transitions. */
  boolean contains(Instant at) {
    return (after == null || at.isAfter(after)) && (before == null || at.isBefore(before));
  }

  /**
   * True when no transition lies between this period's ends: not so when it was computed exactly at
   * a transition (the JDK then answers the transitions either side of it), or before the first one.
   */
  private boolean cacheable(ZoneRules rules) {
    if (after == null) {
      return before == null;
    }
    ZoneOffsetTransition next = rules.nextTransition(after);
    return before == null ? next == null : next != null && next.getInstant().equals(before);
  }

  private static ZonePeriod compute(ZoneId zone, Instant at) {
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition previous = rules.previousTransition(at);
    ZoneOffsetTransition next = rules.nextTransition(at);
    Instant after = previous == null ? null : previous.getInstant();
    Instant before = next == null ? null : next.getInstant();
    boolean dst = rules.isDaylightSavings(at);
    return new ZonePeriod(after, before, rules.getOffset(at),
        Duration.ofSeconds(rules.getStandardOffset(at).getTotalSeconds()),
        rules.getDaylightSavings(at), dst,
        dst ? after : null, dst ? before : null,
        ZoneAbbreviations.of(zone, at));
  }
}
