package io.groundwire.time;

import com.squareup.moshi.JsonReader;
import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.RequestBody;
import io.groundwire.http.client.Response;
import io.groundwire.time.internal.ApiJson;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Samples.Exchange;
import io.groundwire.time.internal.Samples.LocalTimeline;
import io.groundwire.time.internal.SyncReply;
import io.groundwire.time.internal.WorldTimeFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The time service's HTTP client, on Groundwire's {@link HttpClient}: the time in a zone (also from
 * worldtimeapi.org itself), zone lists and details, conversions, and an NTP-style clock offset
 * estimate over {@code /api/sync}.
 *
 * <pre>{@code
 * try (TimeClient time = TimeClient.builder("http://127.0.0.1:8081").build()) {
 *   ZonedTime berlin = time.time("Europe/Berlin");
 *   OffsetEstimate offset = time.estimate();   // 8 samples, minimum delay kept
 * }
 * }</pre>
 *
 * <p>Error answers become {@link TimeServiceException} with the server's status, message and details
 * (an unknown zone's suggestions); network failures are {@link IOException}s.
 */
public final class TimeClient implements TimeSource, AutoCloseable {
  private final String baseUrl;
  private final HttpClient http;
  private final boolean ownsHttp;
  private final int samples;
  private final Duration timeout;
  private final Clock clock;

  private TimeClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.ownsHttp = b.http == null;
    this.http = b.http != null ? b.http : HttpClient.builder().followRedirects(true).build();
    this.samples = b.samples;
    this.timeout = b.timeout;
    this.clock = b.clock;
  }

  /** A builder for a client of the service at {@code baseUrl} ("http://host:8081", no /api). */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** The current time in {@code zone} ({@code GET /api/timezone/{zone}}). */
  public ZonedTime time(String zone) throws IOException {
    try (Response response = get("/api/timezone/" + pathOf(zone))) {
      return WorldTimeFormat.read(response.body().source());
    }
  }

  /** The current time in the server's default zone, with the address it sees for us ({@code /api/ip}). */
  public ZonedTime ip() throws IOException {
    try (Response response = get("/api/ip")) {
      return WorldTimeFormat.read(response.body().source());
    }
  }

  /** Every zone ID the server knows. */
  public List<String> zones() throws IOException {
    return stringList(get("/api/timezone"));
  }

  /** The zone IDs in {@code area} ("Europe"). */
  public List<String> zones(String area) throws IOException {
    return stringList(get("/api/timezone/" + pathOf(area)));
  }

  /** A zone's offsets and transitions ({@code GET /api/zone/{id}}). */
  public ZoneDetails zone(String id) throws IOException {
    return ApiJson.readZone(object(get("/api/zone/" + pathOf(id))));
  }

  /**
   * Converts a local date-time ({@code POST /api/convert}).
   *
   * @throws TimeServiceException 422 for a DST gap or overlap with {@link Ambiguity#REJECT}, its
   *     details holding both readings; 404 for an unknown zone; 400 for a malformed date-time
   */
  public Conversion convert(String fromZone, String dateTime, String toZone, Ambiguity ambiguity) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", fromZone);
    body.put("dateTime", dateTime);
    body.put("to", toZone);
    body.put("ambiguity", ambiguity.wireName());
    Request request = Request.builder(baseUrl + "/api/convert").timeout(timeout)
        .post(RequestBody.of(ApiJson.write(body), "application/json")).build();
    Map<String, Object> answer = object(checked(http.send(request)));
    return new Conversion(side(answer.get("from")), side(answer.get("to")),
        Conversion.Resolution.parse((String) answer.get("resolution")));
  }

  @Override
  public String name() {
    return baseUrl + "/api/sync";
  }

  /**
   * Estimates the local clock's offset from {@code samples} {@code /api/sync} exchanges, keeping the
   * one with the least delay (Cristian's rule); error bound = delay / 2 + server dispersion.
   *
   * @throws IOException when no sample succeeded (the last failure, others suppressed)
   */
  @Override
  public OffsetEstimate estimate() throws IOException {
    LocalTimeline local = new LocalTimeline(clock);
    List<Exchange> exchanges = new ArrayList<>();
    IOException failure = null;
    for (int i = 0; i < samples; i++) {
      long t1 = local.now();
      try (Response response = get("/api/sync?t1=" + t1)) {
        SyncReply reply = SyncReply.read(response.body().source());
        long t4 = local.now();
        if (reply.t1() != t1) {
          throw new IOException(name() + " echoed t1=" + reply.t1() + ", not the " + t1 + " we sent");
        }
        try {
          exchanges.add(new Exchange(t1, reply.t2(), reply.t3(), t4, reply.dispersion()));
        } catch (IllegalArgumentException e) {
          throw new IOException(name() + ": " + e.getMessage(), e);
        }
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      } catch (TimeServiceException e) {
        throw new IOException(name() + " answered " + e.status() + ": " + e.getMessage(), e);
      }
    }
    if (exchanges.isEmpty()) {
      throw failure;
    }
    return Samples.best(exchanges, name());
  }

  /** Closes the HTTP client if this client created it. */
  @Override
  public void close() {
    if (ownsHttp) {
      http.close();
    }
  }

  /**
   * A zone ID (or area) as path segments: anything but a path character (a '?', '#', '%' or space)
   * is percent-encoded, so it is part of the name the server looks up.
   */
  private static String pathOf(String zone) {
    return io.groundwire.http.PercentEncoding.encodePath(zone);
  }

  private Response get(String path) throws IOException {
    return checked(http.send(Request.builder(baseUrl + path).timeout(timeout).get().build()));
  }

  private static Response checked(Response response) throws IOException {
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      String text = response.body().string();
      Map<String, Object> details = new LinkedHashMap<>();
      String message = "HTTP " + response.status();
      try {
        Map<String, Object> error = ApiJson.readObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        details.putAll(error);
        Object said = details.remove("error");
        message = details.containsKey("message") ? String.valueOf(details.get("message")) : String.valueOf(said);
      } catch (TimeServiceException notJson) {
        message = message + ": " + text.strip();
      }
      if (response.header("Retry-After") != null) {
        details.put("retry_after", response.header("Retry-After"));
      }
      throw new TimeServiceException(response.status(), message, details);
    }
  }

  private static List<String> stringList(Response response) throws IOException {
    try (response) {
      JsonReader json = JsonReader.of(response.body().source());
      List<String> ids = new ArrayList<>();
      json.beginArray();
      while (json.hasNext()) {
        ids.add(json.nextString());
      }
      json.endArray();
      return ids;
    } catch (com.squareup.moshi.JsonDataException | com.squareup.moshi.JsonEncodingException e) {
      throw new IOException("malformed zone list: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> object(Response response) throws IOException {
    try (response) {
      return ApiJson.readObject(response.body().bytes());
    } catch (TimeServiceException e) {
      throw new IOException("malformed response: " + e.getMessage(), e);
    }
  }

  private static ZonedDateTime side(Object value) throws IOException {
    if (!(value instanceof Map<?, ?> map) || !(map.get("datetime") instanceof String dateTime)
        || !(map.get("timezone") instanceof String zone)) {
      throw new IOException("malformed conversion: each side needs datetime and timezone");
    }
    try {
      return OffsetDateTime.parse(dateTime).atZoneSameInstant(ZoneId.of(zone));
    } catch (java.time.DateTimeException e) {
      throw new IOException("malformed conversion: " + e.getMessage(), e);
    }
  }

  /** Builds a {@link TimeClient}. */
  public static final class Builder {
    private final String baseUrl;
    private HttpClient http;
    private int samples = 8;
    private Duration timeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();

    private Builder(String baseUrl) {
      String url = Objects.requireNonNull(baseUrl, "baseUrl");
      this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Shares an HTTP client (its pool, timeouts, TLS); by default the client makes and closes its own. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Sync samples per estimate, 1-64 (default 8). */
    public Builder samples(int samples) {
      if (samples < 1 || samples > 64) {
        throw new IllegalArgumentException("samples must be 1-64, was " + samples);
      }
      this.samples = samples;
      return this;
    }

    /**
     * Timeout of each call (default 5 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder timeout(Duration timeout) {
      if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The local clock being measured (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The client. */
    public TimeClient build() {
      return new TimeClient(this);
    }
  }
}
