package io.groundwire.echo.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples round trips on a streaming connection without slowing it: the writer notes when it
 * starts sending a message and at which byte offset that message ends; the reader, once it has
 * received that many bytes back, records the time since. A single-producer, single-consumer ring
 * of fixed size: the writer skips a sample when the ring is full instead of waiting, and neither
 * side takes a lock. Only every few messages are sampled (at least every 64 KiB), so the cost is a
 * clock read and a comparison per sample.
 */
final class RoundTripSampler {
  private static final int SLOTS = 1024;
  private static final int MASK = SLOTS - 1;
  private static final long MIN_INTERVAL = 64 * 1024;

  private final long[] endOffsets = new long[SLOTS];
  private final long[] startNanos = new long[SLOTS];
  /** Samples the writer has published; written by the writer only (release), read by the reader. */
  private final AtomicLong published = new AtomicLong();
  /** Samples the reader has completed; written by the reader only, read by the writer. */
  private final AtomicLong completed = new AtomicLong();
  private final long interval;
  final RoundTripHistogram histogram = new RoundTripHistogram();

  // writer's own state
  private long nextSampleOffset;
  // reader's own state
  private long nextEndOffset = Long.MAX_VALUE;

  /** Samples about every fourth message of {@code messageSize} bytes, and at least every 64 KiB. */
  RoundTripSampler(int messageSize) {
    this.interval = Math.max(MIN_INTERVAL, 4L * messageSize);
  }

  /**
   * Writer side: called just before sending {@code length} bytes starting at byte {@code offset}
   * of the stream. Cheap when this message is not sampled.
   */
  void sending(long offset, int length) {
    if (offset < nextSampleOffset) {
      return;
    }
    long index = published.getPlain();
    if (index - completed.getAcquire() >= SLOTS) {
      return; // the reader is far behind: skip this sample rather than wait
    }
    int slot = (int) (index & MASK);
    endOffsets[slot] = offset + length;
    startNanos[slot] = System.nanoTime();
    published.setRelease(index + 1);
    nextSampleOffset = offset + interval;
  }

  /**
   * Reader side: called after the echo has reached {@code received} bytes in total; records every
   * sampled message now fully echoed, when {@code measuring}.
   */
  void received(long received, boolean measuring) {
    if (received < nextEndOffset && nextEndOffset != Long.MAX_VALUE) {
      return;
    }
    long done = completed.getPlain();
    long available = published.getAcquire();
    if (done == available || endOffsets[(int) (done & MASK)] > received) {
      nextEndOffset = done < available ? endOffsets[(int) (done & MASK)] : Long.MAX_VALUE;
      return;
    }
    long now = measuring ? System.nanoTime() : 0;
    while (done < available) {
      int slot = (int) (done & MASK);
      if (endOffsets[slot] > received) {
        break;
      }
      if (measuring) {
        histogram.record(now - startNanos[slot]);
      }
      done++;
    }
    completed.setRelease(done);
    nextEndOffset = done < available ? endOffsets[(int) (done & MASK)] : Long.MAX_VALUE;
  }
}
