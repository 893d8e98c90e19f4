package io.groundwire.echo.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The duration checks the option builders share; each names the option in its message. A valid
 * duration longer than {@link #LONGEST} (about 73 years) is cut to it, so that no later
 * conversion to nanoseconds or deadline arithmetic can overflow.
 */
public final class DurationChecks {
  /** The longest duration kept as given. */
  public static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);

  private DurationChecks() {}

  /** {@code value}, or NullPointerException naming {@code name}, or IllegalArgumentException "LABEL must be positive". */
  public static Duration positive(Duration value, String name, String label) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(label + " must be positive: " + value);
    }
    return value.compareTo(LONGEST) > 0 ? LONGEST : value;
  }

  /** {@code value}, or NullPointerException naming {@code name}, or IllegalArgumentException "LABEL must not be negative". */
  public static Duration nonNegative(Duration value, String name, String label) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(label + " must not be negative: " + value);
    }
    return value.compareTo(LONGEST) > 0 ? LONGEST : value;
  }
}
