package io.groundwire.time;

import java.util.Locale;

/**
 * What to do with a local time that a DST transition makes ambiguous (an overlap: it happens twice)
 * or non-existent (a gap: the clocks skip it).
 *
 * <p>{@code EARLIER} and {@code LATER} name the <em>offset</em> used, as {@link
 * java.time.ZonedDateTime#withEarlierOffsetAtOverlap()} does: the offset in force before the
 * transition, or the one after it. In an overlap that means the first or the second occurrence. In a
 * gap, the offset before the transition gives an instant after the gap (02:30 in Berlin's spring gap
 * becomes 03:30 CEST, as {@code java.time} and most libraries do), the offset after gives one before
 * it (01:30 CET).
 */
public enum Ambiguity {
  /** Use the offset in force before the transition. */
  EARLIER,
  /** Use the offset in force after the transition. */
  LATER,
  /** Fail: an ambiguous or non-existent local time is an error (HTTP 422). */
  REJECT;

  /** Parses "earlier", "later" or "reject" (any case). */
  public static Ambiguity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ambiguity must be earlier, later or reject, not '" + text + "'");
    }
  }

  /** The wire form: "earlier", "later", "reject". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
