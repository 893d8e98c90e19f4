package io.groundwire.time;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A local date-time in one zone converted to another, and how a DST gap or overlap was resolved.
 *
 * @param from the source date-time as resolved in the source zone
 * @param to the same instant in the target zone
 * @param resolution how the source local time was turned into an instant
 */
public record Conversion(ZonedDateTime from, ZonedDateTime to, Resolution resolution) {

  /** How the source local time became an instant. */
  public enum Resolution {
    /** The local time exists exactly once. */
    EXACT,
    /** The input carried its own offset. */
    OFFSET_GIVEN,
    /** In a gap; the offset before the transition was used. */
    GAP_EARLIER,
    /** In a gap; the offset after the transition was used. */
    GAP_LATER,
    /** In an overlap; the first occurrence was used. */
    OVERLAP_EARLIER,
    /** In an overlap; the second occurrence was used. */
    OVERLAP_LATER;

    /** The wire form, e.g. "gap_earlier". */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form. */
    public static Resolution parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /** The instant both sides denote. */
  public Instant instant() {
    return from.toInstant();
  }
}
