package io.groundwire.time.internal;

import io.groundwire.time.TimeServiceStats;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TimeServiceStats}. */
public final class ServiceCounters {
  public final LongAdder sntpReplies = new LongAdder();
  public final LongAdder kissOfDeathSent = new LongAdder();
  public final LongAdder malformedDatagrams = new LongAdder();
  public final LongAdder rateLimited = new LongAdder();
  public final LongAdder daytimeReplies = new LongAdder();
  public final LongAdder timeReplies = new LongAdder();

  /** A snapshot. */
  public TimeServiceStats snapshot() {
    return new TimeServiceStats(sntpReplies.sum(), kissOfDeathSent.sum(), malformedDatagrams.sum(),
        rateLimited.sum(), daytimeReplies.sum(), timeReplies.sum());
  }
}
