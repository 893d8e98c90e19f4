package io.groundwire.time;

import io.groundwire.time.internal.ZoneAbbreviations;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's state at an instant ({@code GET /api/zone/{id}}): offsets in force, DST, and the
 * transitions on either side.
 *
 * @param id the zone ID
 * @param at the instant described
 * @param abbreviation the abbreviation in force
 * @param offset the total offset in force
 * @param standardOffset the standard offset (without daylight saving)
 * @param dst whether daylight saving is in force
 * @param previous the last transition at or before {@code at}, null if none
 * @param next the next transition after {@code at}, null if the zone has no more
 */
public record ZoneDetails(
    String id,
    Instant at,
    String abbreviation,
    ZoneOffset offset,
    ZoneOffset standardOffset,
    boolean dst,
    Transition previous,
    Transition next) {

  /**
   * One change of offset.
   *
   * @param at the instant of the change
   * @param offsetBefore the offset until then
   * @param offsetAfter the offset from then on
   * @param gap true when the clocks skip forward (local times go missing), false for an overlap
   */
  public record Transition(Instant at, ZoneOffset offsetBefore, ZoneOffset offsetAfter, boolean gap) {
    static Transition of(ZoneOffsetTransition transition) {
      return transition == null ? null : new Transition(transition.getInstant(),
          transition.getOffsetBefore(), transition.getOffsetAfter(), transition.isGap());
    }
  }

  /** Describes {@code zone} at {@code instant}. */
  public static ZoneDetails of(ZoneId zone, Instant instant) {
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
    return new ZoneDetails(
        zone.getId(),
        instant,
        ZoneAbbreviations.of(zone, instant),
        rules.getOffset(instant),
        rules.getStandardOffset(instant),
        rules.isDaylightSavings(instant),
        Transition.of(previous),
        Transition.of(rules.nextTransition(instant)));
  }
}
