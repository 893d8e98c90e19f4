package io.groundwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ConvertersTest {
  @Test
  void durationsTakeAUnit() {
    assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
    assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
    assertEquals(Duration.ofMinutes(5), DurationConverter.parse("5m"));
    assertEquals(Duration.ofHours(1), DurationConverter.parse("1h"));
    assertEquals(Duration.ofDays(2), DurationConverter.parse("2d"));
    assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
    assertEquals(Duration.ofSeconds(30), DurationConverter.parse("PT30S"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "", "s", "10 parsecs", "1.2.3s", "-5s", "PTxS"})
  void durationsWithoutAValidUnitAreRejectedWithTheValueNamed(String text) {
    CommandLine.TypeConversionException e =
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void sizesArePlainBytesOrBinarySuffixes() {
    assertEquals(1_048_576L, SizeConverter.parse("1048576"));
    assertEquals(512L * 1024, SizeConverter.parse("512k"));
    assertEquals(1L << 20, SizeConverter.parse("1m"));
    assertEquals(1L << 20, SizeConverter.parse("1MiB"));
    assertEquals(2L << 30, SizeConverter.parse("2g"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "k", "1x", "-1", "99999999999999999999", "9999999999999g"})
  void invalidSizesAreRejectedWithTheValueNamed(String text) {
    CommandLine.TypeConversionException e =
        assertThrows(CommandLine.TypeConversionException.class, () -> SizeConverter.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void usageErrorsExitWithTwoAndFailuresWithOne() {
    assertEquals(2, Main.run("echo-server", "--no-such-option"));
    assertEquals(2, Main.run("echo-bench", "127.0.0.1", "1", "--duration", "10 parsecs"));
    assertEquals(0, Main.run("--version"));
  }
}
