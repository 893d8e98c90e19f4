package io.groundwire.time;

import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Samples.LocalTimeline;
import io.groundwire.time.internal.WorldTimeFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Any worldtimeapi-shaped endpoint as a time source ({@code http://worldtimeapi.org/api/timezone/Etc/UTC},
 * or ours). Such an API has no sync endpoint, so the server's {@code utc_datetime} is taken as read
 * somewhere between sending the request and receiving the answer: the error bound is half the round
 * trip. Non-2xx answers (429 included) are failures, so a {@link FallbackChain} moves on.
 */
public final class WorldTimeApiSource implements TimeSource {
  private final String url;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  /** A source reading {@code url} with {@code http}, each call bounded by {@code timeout}. */
  public WorldTimeApiSource(String url, HttpClient http, Duration timeout, Clock clock) {
    this.url = Objects.requireNonNull(url, "url");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return url;
  }

  /** @throws IOException on network failure, timeout, a non-2xx status or a malformed body */
  @Override
  public OffsetEstimate estimate() throws IOException {
    LocalTimeline local = new LocalTimeline(clock);
    long t1 = local.now();
    try (Response response = http.send(Request.builder(url).timeout(timeout).get().build())) {
      if (!response.isSuccessful()) {
        String retry = response.header("Retry-After");
        throw new IOException(url + " answered " + response.status()
            + (retry == null ? "" : " (Retry-After: " + retry + ")"));
      }
      Instant server = WorldTimeFormat.read(response.body().source()).instant();
      long t4 = local.now();
      long s = Samples.nanos(server);
      // The server read its clock between t1 and t4: offset in [s - t4, s - t1].
      long delay = t4 - t1;
      return new OffsetEstimate(Duration.ofNanos(s - t1 - delay / 2), Duration.ofNanos(delay),
          Duration.ofNanos(delay / 2 + 1_000), 1, url, Samples.instant(t4));
    }
  }
}
