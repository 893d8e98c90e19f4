package io.groundwire.cli.client;

import io.groundwire.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a time limit the way curl does, in seconds with an optional fraction ({@code 2.5}), and
 * also accepts a duration with a unit ({@code 250ms}, {@code 1m}) like every groundwire command.
 */
public final class CurlSeconds implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.strip();
    if (!text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      try {
        double seconds = Double.parseDouble(text);
        return Duration.ofNanos(Math.round(seconds * 1e9));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a number of seconds");
      }
    }
    return DurationConverter.parse(text);
  }
}
