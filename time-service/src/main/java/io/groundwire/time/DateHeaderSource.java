package io.groundwire.time;

import io.groundwire.http.HttpDates;
import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Samples.LocalTimeline;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The last resort: any web server's {@code Date} header (RFC 9110 §6.6.1), which every origin server
 * with a clock must send. It has one-second resolution and the server may have generated it any time
 * before sending, so the offset is bounded by [Date - t4, Date + 1 s - t1]: the error bound is at
 * least half a second. Any status counts, 429 and 5xx included, since only the header is read.
 */
public final class DateHeaderSource implements TimeSource {
  private final String url;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  /** A source sending HEAD to {@code url} with {@code http}, bounded by {@code timeout}. */
  public DateHeaderSource(String url, HttpClient http, Duration timeout, Clock clock) {
    this.url = Objects.requireNonNull(url, "url");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "date-header:" + url;
  }

  /** @throws IOException on network failure, timeout, or a missing or malformed Date header */
  @Override
  public OffsetEstimate estimate() throws IOException {
    LocalTimeline local = new LocalTimeline(clock);
    long t1 = local.now();
    String date;
    try (Response response = http.send(Request.builder(url).timeout(timeout).head().build())) {
      date = response.header("Date");
    }
    long t4 = local.now();
    if (date == null) {
      throw new IOException(url + " sent no Date header");
    }
    String header = date;
    Instant server = HttpDates.parse(header)
        .orElseThrow(() -> new IOException(url + " sent a malformed Date header: '" + header + "'"));
    return Samples.wholeSecond(server.getEpochSecond(), t1, t4, name());
  }
}
