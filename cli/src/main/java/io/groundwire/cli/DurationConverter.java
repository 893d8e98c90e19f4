package io.groundwire.cli;

import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a duration written with a unit, as every {@code groundwire} command takes them:
 * {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}; also ISO-8601 ({@code PT30S}).
 * A plain number without a unit is rejected, because its unit would be a guess.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Parses {@code value}; throws {@link CommandLine.TypeConversionException} saying what is wrong. */
  public static Duration parse(String value) {
    String text = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (text.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw invalid(value);
      }
    }
    int unitStart = 0;
    while (unitStart < text.length()
        && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '.')) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart == text.length()) {
      throw invalid(value);
    }
    double amount;
    try {
      amount = Double.parseDouble(text.substring(0, unitStart));
    } catch (NumberFormatException e) {
      throw invalid(value);
    }
    long nanosPerUnit = switch (text.substring(unitStart)) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m", "min" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      case "d" -> 86_400_000_000_000L;
      default -> throw invalid(value);
    };
    double nanos = amount * nanosPerUnit;
    if (nanos > Long.MAX_VALUE) {
      throw invalid(value);
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static CommandLine.TypeConversionException invalid(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration; write it with a unit, e.g. 250ms, 30s, 5m, 1h");
  }
}
