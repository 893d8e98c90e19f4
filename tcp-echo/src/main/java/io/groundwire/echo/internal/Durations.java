package io.groundwire.echo.internal;

import java.time.Duration;

/** Writes a duration the way the command line reads it: {@code 250ms}, {@code 30s}, {@code 5m}. */
public final class Durations {
  private Durations() {}

  /** The shortest exact form in whole h, m, s or ms. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0 && millis > 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
