package io.groundwire.time.internal;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: each client may make {@code burst} requests at once and then
 * {@code perSecond} a second. Buckets of clients that have gone quiet are dropped once more than
 * {@code maxClients} are tracked, so memory stays bounded under a flood of spoofed sources.
 */
public final class RateLimiter {
  private static final int MAX_CLIENTS = 65_536;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

  /** A limiter timed by {@code nanoTime} (tests pass a fake ticker); {@code perSecond <= 0} disables it. */
  public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
  }

  /** True when this limiter never refuses. */
  public boolean unlimited() {
    return perSecond <= 0;
  }

  /**
   * Takes one token for {@code client}.
   *
   * @return 0 when the request may proceed, otherwise the nanoseconds until a token is available
   */
  public long acquire(InetAddress client) {
    if (unlimited()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_CLIENTS) {
      evictFull(now);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now, perSecond, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9);
    }
  }

  private void evictFull(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      synchronized (bucket) {
        bucket.refill(now, perSecond, burst);
        if (bucket.tokens >= burst) {
          it.remove();
        }
      }
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(long now, double perSecond, double burst) {
      long elapsed = now - updated;
      if (elapsed > 0) {
        tokens = Math.min(burst, tokens + elapsed * perSecond / 1e9);
        updated = now;
      }
    }
  }
}
