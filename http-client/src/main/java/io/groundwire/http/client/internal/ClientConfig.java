package io.groundwire.http.client.internal;

import io.groundwire.http.client.EventListener;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The immutable settings of one client, as built by {@code HttpClient.Builder}. A null
 * {@code sslContext} means the JDK's default, loaded on the first https connection.
 */
public record ClientConfig(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    Duration expectContinueTimeout,
    boolean followRedirects,
    int maxRedirects,
    boolean allowHttpsToHttpRedirects,
    boolean retryOnStaleConnection,
    int maxIdleConnections,
    Duration keepAlive,
    SSLContext sslContext,
    boolean insecure,
    String userAgent,
    boolean contentDecompression,
    EventListener eventListener) {

  /** The longest time limit kept as given; longer ones (used to mean "forever") are cut to this, about 73 years. */
  static final long MAX_NANOS = Long.MAX_VALUE / 4;

  /** Nanoseconds of a non-negative time limit, at most {@link #MAX_NANOS}: never overflows. */
  static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(MAX_NANOS)) >= 0 ? MAX_NANOS : d.toNanos();
  }

  /** Milliseconds for a socket option: 0 means "no limit" there too. */
  static int millis(Duration d) {
    return d.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos(d) / 1_000_000));
  }
}
