package io.groundwire.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void medianOfOddCountIsTheMiddleValue() {
    assertEquals(5.0, Summary.median(List.of(9.0, 1.0, 5.0)));
  }

  @Test
  void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, Summary.median(List.of(4.0, 1.0, 3.0, 2.0)));
  }
}
