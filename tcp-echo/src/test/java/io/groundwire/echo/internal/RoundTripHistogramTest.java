package io.groundwire.echo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundTripHistogramTest {
  @Test
  void percentilesAreWithinOnePercentOfTheTrueValue() {
    RoundTripHistogram histogram = new RoundTripHistogram();
    for (long micros = 1; micros <= 10_000; micros++) {
      histogram.record(micros * 1_000);
    }
    assertEquals(5_000_000, histogram.percentile(0.50), 50_000);
    assertEquals(9_000_000, histogram.percentile(0.90), 90_000);
    assertEquals(9_900_000, histogram.percentile(0.99), 99_000);
    assertEquals(9_990_000, histogram.percentile(0.999), 99_900);
    assertEquals(10_000_000, histogram.max());
    assertEquals(10_000, histogram.count());
  }

  @Test
  void smallValuesAreExact() {
    RoundTripHistogram histogram = new RoundTripHistogram();
    histogram.record(3);
    histogram.record(100);
    assertEquals(3, histogram.percentile(0.5));
    assertEquals(100, histogram.percentile(1.0));
  }

  @Test
  void mergedHistogramHoldsBoth() {
    RoundTripHistogram a = new RoundTripHistogram();
    RoundTripHistogram b = new RoundTripHistogram();
    a.record(1_000);
    b.record(1_000_000);
    a.add(b);
    assertEquals(2, a.count());
    assertEquals(1_000_000, a.max());
    assertEquals(1_000, a.percentile(0.5), 10);
  }

  @Test
  void emptyHistogramReportsZero() {
    assertEquals(0, new RoundTripHistogram().percentile(0.99));
  }

  @Test
  void everyBucketIndexMapsBackIntoItsOwnBucket() {
    for (long value : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 65_535, 1L << 40, Long.MAX_VALUE}) {
      int index = RoundTripHistogram.index(value);
      assertEquals(index, RoundTripHistogram.index(RoundTripHistogram.middleOf(index)), "value " + value);
    }
  }
}
