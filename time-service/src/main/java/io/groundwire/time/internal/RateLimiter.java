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
  /** At most one refusal notice per client per this many nanoseconds. */
  static final long REFUSAL_NOTICE_INTERVAL_NANOS = 1_000_000_000L;

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

  /**
   * Whether a client that was just refused may be told so (SNTP's kiss-o'-death): at most once per
   * {@link #REFUSAL_NOTICE_INTERVAL_NANOS} each, as ntpd paces its KoD packets. The rest of its
   * refused requests go unanswered, so a flood with a victim's forged source address is not
   * reflected to the victim one for one.
   */
  public boolean mayNotifyRefusal(InetAddress client) {
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      return true;
    }
    long now = nanoTime.getAsLong();
    synchronized (bucket) {
      if (bucket.notified && now - bucket.notifiedAt < REFUSAL_NOTICE_INTERVAL_NANOS) {
        return false;
      }
      bucket.notified = true;
      bucket.notifiedAt = now;
      return true;
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
    boolean notified;
    long notifiedAt;

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
