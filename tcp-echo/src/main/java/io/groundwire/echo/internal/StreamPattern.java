package io.groundwire.echo.internal;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The bytes every throughput connection streams, so that the reader can check each echoed byte: a
 * pseudo-random cycle of {@link #PERIOD} bytes. The period is prime, so it never lines up with a
 * message, buffer or page size: an echo that loses, repeats or reorders a block of any size other
 * than a multiple of the period shows up as a mismatch within a few bytes. One per run, shared
 * read-only by every connection.
 */
final class StreamPattern {
  /** The cycle's length in bytes, a prime. */
  static final int PERIOD = 65_521;

  private final ByteBuffer bytes;
  private final int span;

  /**
   * A pattern from which any {@code span} consecutive bytes of the stream can be sliced.
   *
   * @throws OutOfMemoryError when there is no direct memory for {@code PERIOD + span} bytes
   */
  StreamPattern(int span) {
    this.span = span;
    bytes = ByteBuffer.allocateDirect(PERIOD + span);
    SplittableRandom random = new SplittableRandom(0x6772_6f75_6e64L);
    for (int i = 0; i < PERIOD; i++) {
      bytes.put(i, (byte) random.nextInt(256));
    }
    for (int i = PERIOD; i < PERIOD + span; i++) {
      bytes.put(i, bytes.get(i - PERIOD));
    }
  }

  /** Bytes {@code from} to {@code from + length} of the stream, as a new buffer over shared memory. */
  ByteBuffer slice(long from, int length) {
    if (length > span) {
      throw new IllegalArgumentException("a slice of " + length + " bytes is longer than the span " + span);
    }
    return bytes.slice((int) (from % PERIOD), length);
  }
}
