package io.groundwire.echo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundTripSamplerTest {
  @Test
  void recordsASampleOnceItsLastByteIsEchoed() {
    RoundTripSampler sampler = new RoundTripSampler(65_536);
    sampler.sending(0, 65_536);
    sampler.received(65_535, true);
    assertEquals(0, sampler.histogram.count());
    sampler.received(65_536, true);
    assertEquals(1, sampler.histogram.count());
  }

  @Test
  void samplesEveryFourthMessage() {
    RoundTripSampler sampler = new RoundTripSampler(65_536);
    for (int message = 0; message < 8; message++) {
      sampler.sending(message * 65_536L, 65_536);
    }
    sampler.received(8 * 65_536L, true);
    assertEquals(2, sampler.histogram.count());
  }

  @Test
  void samplesAtMostEvery64KibForSmallMessages() {
    RoundTripSampler sampler = new RoundTripSampler(64);
    for (int message = 0; message < 2048; message++) {
      sampler.sending(message * 64L, 64);
    }
    sampler.received(2048 * 64L, true);
    assertEquals(2, sampler.histogram.count());
  }

  @Test
  void doesNotRecordWhileNotMeasuringButStillConsumes() {
    RoundTripSampler sampler = new RoundTripSampler(65_536);
    sampler.sending(0, 65_536);
    sampler.received(65_536, false);
    sampler.sending(4 * 65_536L, 65_536);
    sampler.received(5 * 65_536L, true);
    assertEquals(1, sampler.histogram.count());
  }

  @Test
  void skipsSamplesInsteadOfOverwritingWhenTheReaderFallsBehind() {
    RoundTripSampler sampler = new RoundTripSampler(65_536);
    long messages = 4 * 2000;
    for (long message = 0; message < messages; message++) {
      sampler.sending(message * 65_536, 65_536);
    }
    sampler.received(messages * 65_536, true);
    assertEquals(1024, sampler.histogram.count());
  }
}
