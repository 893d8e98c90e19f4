package io.groundwire.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a size in bytes as every {@code groundwire} command takes them: plain bytes
 * ({@code 1048576}) or a binary suffix ({@code 512k}, {@code 1m}, {@code 2g}; {@code KiB}, {@code MB}
 * and the like are read the same way, as powers of 1024, like nginx).
 */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    return parse(value);
  }

  /** Parses {@code value}; throws {@link CommandLine.TypeConversionException} saying what is wrong. */
  public static long parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0) {
      throw invalid(value);
    }
    long multiplier = switch (text.substring(unitStart).strip()) {
      case "", "b" -> 1L;
      case "k", "kb", "kib" -> 1L << 10;
      case "m", "mb", "mib" -> 1L << 20;
      case "g", "gb", "gib" -> 1L << 30;
      default -> throw invalid(value);
    };
    try {
      return Math.multiplyExact(Long.parseLong(text.substring(0, unitStart)), multiplier);
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(value);
    }
  }

  private static CommandLine.TypeConversionException invalid(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a size; write bytes or a suffix, e.g. 1048576, 512k, 1m");
  }
}
