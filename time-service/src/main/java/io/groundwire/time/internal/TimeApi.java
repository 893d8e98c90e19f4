package io.groundwire.time.internal;

import io.groundwire.http.IpLiterals;
import io.groundwire.time.Ambiguity;
import io.groundwire.time.Conversion;
import io.groundwire.time.TimeServiceException;
import io.groundwire.time.ZoneDetails;
import io.groundwire.time.ZonedTime;
import io.groundwire.time.internal.ApiExchange.Request;
import io.groundwire.time.internal.ApiExchange.Response;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's routes and their answers, as a pure function of {@link Request}: worldtimeapi's
 * {@code /api/timezone...} and {@code /api/ip}, plus {@code /api/zone/{id}}, {@code /api/convert},
 * {@code /api/sync} and {@code /api/now}. Errors are {@link TimeServiceException}s rendered in the
 * representation the path asked for (JSON, or text for {@code .txt}).
 */
public final class TimeApi {
  private static final int MAX_BODY = 4096;
  private static final List<Map.Entry<String, String>> NO_STORE = List.of(Map.entry("Cache-Control", "no-store"));

  private final Clock clock;
  private final ZoneId defaultZone;
  private final RateLimiter limiter;
  private final ClientAddress clientAddress;
  private final long dispersionNanos;
  private final ServiceCounters counters;
  private final ZoneCatalog zones = ZoneCatalog.get();

  public TimeApi(Clock clock, ZoneId defaultZone, RateLimiter limiter, ClientAddress clientAddress,
      Duration rootDispersion, ServiceCounters counters) {
    this.counters = counters;
    this.clock = clock;
    this.defaultZone = defaultZone;
    this.limiter = limiter;
    this.clientAddress = clientAddress;
    // Our own reading error (~1 µs) on top of what the operator says the clock's error is.
    this.dispersionNanos = rootDispersion.toNanos() + 1_000;
  }

  /** Answers one request; never throws for bad input. */
  public Response handle(Request request) {
    Instant received = clock.instant();
    String path = request.path();
    boolean text = path.endsWith(".txt");
    String route = text ? path.substring(0, path.length() - 4) : path;
    try {
      InetAddress client = clientAddress.resolve(request.remote(), request.header().apply("X-Forwarded-For"));
      long wait = limiter.acquire(client);
      if (wait > 0) {
        counters.rateLimited.increment();
        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        return render(text, new TimeServiceException(429, "too many requests; retry after " + seconds + " s",
            Map.of("retry_after", seconds)), List.of(Map.entry("Retry-After", Long.toString(seconds))));
      }
      return route(request, route, text, client, received);
    } catch (TimeServiceException e) {
      return render(text, e, List.of());
    }
  }

  private Response route(Request request, String route, boolean text, InetAddress client, Instant received) {
    if (request.method().equals("OPTIONS")) {
      if (!isEndpoint(route)) {
        throw noSuchEndpoint(request);
      }
      return new Response(204, Response.TEXT, List.of(Map.entry("Allow", allowed(route))), "");
    }
    if (route.equals("/api/convert")) {
      requireMethod(request, route, "POST");
      return convert(request);
    }
    requireMethod(request, route, "GET", "HEAD");
    if (route.equals("/api/timezone")) {
      return list(zones.ids(), text);
    }
    if (route.startsWith("/api/timezone/")) {
      return timezone(route.substring("/api/timezone/".length()), text, client);
    }
    if (route.equals("/api/ip")) {
      return time(ZonedTime.of(clock.instant(), defaultZone, IpLiterals.format(client)), text);
    }
    if (route.startsWith("/api/zone/")) {
      ZoneId zone = zone(route.substring("/api/zone/".length()));
      Map<String, Object> body = ApiJson.zone(ZoneDetails.of(zone, clock.instant()), ZonedTime.currentTzdbVersion());
      return text ? Response.text(200, keyValueLines(body), NO_STORE) : Response.json(200, ApiJson.write(body), NO_STORE);
    }
    if (route.equals("/api/sync")) {
      return sync(request, received, text);
    }
    if (route.equals("/api/now")) {
      return now(request, text);
    }
    throw noSuchEndpoint(request);
  }

  private static TimeServiceException noSuchEndpoint(Request request) {
    return new TimeServiceException(404, "no such endpoint: " + request.path()
        + "; see /api/timezone, /api/ip, /api/zone/{id}, /api/convert, /api/sync, /api/now");
  }

  /** Whether {@code route} (the path without {@code .txt}) names an endpoint, whatever the method. */
  private static boolean isEndpoint(String route) {
    return route.equals("/api/convert") || route.equals("/api/timezone") || route.startsWith("/api/timezone/")
        || route.equals("/api/ip") || route.startsWith("/api/zone/") || route.equals("/api/sync")
        || route.equals("/api/now");
  }

  /** The {@code Allow} value of an endpoint: what {@link #route} accepts there. */
  private static String allowed(String route) {
    return route.equals("/api/convert") ? "POST, OPTIONS" : "GET, HEAD, OPTIONS";
  }

  private Response timezone(String rest, boolean text, InetAddress client) {
    if (rest.isEmpty() || slashes(rest) > 2) {
      throw unknownZone(rest);
    }
    if (!rest.contains("/")) {
      List<String> inArea = zones.inArea(rest);
      if (!inArea.isEmpty()) {
        return list(inArea, text);
      }
    }
    return time(ZonedTime.of(clock.instant(), zone(rest), IpLiterals.format(client)), text);
  }

  private Response time(ZonedTime time, boolean text) {
    return text ? Response.text(200, WorldTimeFormat.text(time), NO_STORE)
        : Response.json(200, WorldTimeFormat.json(time), NO_STORE);
  }

  private Response list(List<String> ids, boolean text) {
    return text ? Response.text(200, String.join("\n", ids) + "\n", List.of())
        : Response.json(200, ApiJson.write(ids), List.of());
  }

  private Response convert(Request request) {
    if (request.body().length > MAX_BODY) {
      throw new TimeServiceException(413, "the body is larger than " + MAX_BODY + " bytes");
    }
    Map<String, Object> body = ApiJson.readObject(request.body());
    ZoneId from = zone(requiredString(body, "from"));
    ZoneId to = body.containsKey("to") ? zone(requiredString(body, "to")) : from;
    String dateTime = requiredString(body, "dateTime");
    Ambiguity ambiguity;
    try {
      ambiguity = body.containsKey("ambiguity") ? Ambiguity.parse(requiredString(body, "ambiguity")) : Ambiguity.REJECT;
    } catch (IllegalArgumentException e) {
      throw new TimeServiceException(400, e.getMessage());
    }
    Conversion conversion = LocalTimeConverter.convert(from, dateTime, to, ambiguity);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", side(conversion.from()));
    out.put("to", side(conversion.to()));
    out.put("utc_datetime", TimeFormats.microsUtc(conversion.instant()));
    out.put("unixtime", conversion.instant().getEpochSecond());
    out.put("resolution", conversion.resolution().wireName());
    return Response.json(200, ApiJson.write(out), List.of());
  }

  private static Map<String, Object> side(java.time.ZonedDateTime at) {
    Map<String, Object> side = new LinkedHashMap<>();
    side.put("timezone", at.getZone().getId());
    side.put("datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
    side.put("abbreviation", ZoneAbbreviations.of(at.getZone(), at.toInstant()));
    return side;
  }

  private Response sync(Request request, Instant received, boolean text) {
    String t1 = request.query().get("t1");
    long clientSend;
    try {
      clientSend = Long.parseLong(t1 == null ? "" : t1.trim());
    } catch (NumberFormatException e) {
      throw new TimeServiceException(400, "t1 must be the client's send time in nanoseconds since the"
          + " Unix epoch, e.g. /api/sync?t1=" + nanos(clock.instant()) + (t1 == null ? "; it is missing" : "; got '" + t1 + "'"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("t1", clientSend);
    out.put("t2", nanos(received));
    out.put("dispersion_ns", dispersionNanos);
    out.put("t3", nanos(clock.instant()));
    return text ? Response.text(200, keyValueLines(out), NO_STORE) : Response.json(200, ApiJson.write(out), NO_STORE);
  }

  private Response now(Request request, boolean text) {
    String zoneId = request.query().get("zone");
    ZoneId zone = zoneId == null ? defaultZone : zone(zoneId);
    String format = request.query().getOrDefault("format", "rfc3339");
    Object value = NowFormat.format(format, clock.instant(), zone);
    if (text) {
      return Response.text(200, value + "\n", NO_STORE);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("timezone", zone.getId());
    out.put("format", format);
    out.put("value", value);
    return Response.json(200, ApiJson.write(out), NO_STORE);
  }

  private ZoneId zone(String id) {
    return zones.find(id).orElseThrow(() -> unknownZone(id));
  }

  private TimeServiceException unknownZone(String id) {
    List<String> suggestions = zones.suggestionsFor(id);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("location", id);
    details.put("suggestions", suggestions);
    details.put("message", "unknown time zone '" + id + "'"
        + (suggestions.isEmpty() ? "; see /api/timezone" : "; did you mean " + String.join(" or ", suggestions) + "?"));
    // worldtimeapi's exact error text, so existing clients keep recognising it.
    return new TimeServiceException(404, "unknown location", details);
  }

  private static String requiredString(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (!(value instanceof String s)) {
      throw new TimeServiceException(400, value == null ? "'" + key + "' is required"
          : "'" + key + "' must be a string");
    }
    return s;
  }

  private static void requireMethod(Request request, String route, String... accepted) {
    for (String method : accepted) {
      if (method.equals(request.method())) {
        return;
      }
    }
    throw new TimeServiceException(405, request.method() + " is not allowed here; use " + String.join(" or ", accepted),
        Map.of("allow", allowed(route)));
  }

  private static int slashes(String text) {
    int count = 0;
    for (int i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
      count++;
    }
    return count;
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** "key: value" lines; a nested object's fields become "key.field: value" lines (nulls empty). */
  private static String keyValueLines(Map<String, Object> body) {
    StringBuilder out = new StringBuilder();
    appendLines(out, "", body);
    return out.toString();
  }

  private static void appendLines(StringBuilder out, String prefix, Map<?, ?> fields) {
    fields.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested) {
        appendLines(out, prefix + key + ".", nested);
      } else {
        out.append(prefix).append(key).append(": ").append(value == null ? "" : value).append('\n');
      }
    });
  }

  private static Response render(boolean text, TimeServiceException e, List<Map.Entry<String, String>> headers) {
    List<Map.Entry<String, String>> all = new java.util.ArrayList<>(headers);
    if (e.status() == 405) {
      all.add(Map.entry("Allow", (String) e.details().get("allow")));
    }
    if (text) {
      String message = e.details().containsKey("message") ? (String) e.details().get("message") : e.getMessage();
      return Response.text(e.status(), "Error: " + message + "\n", all);
    }
    return Response.json(e.status(), ApiJson.write(ApiJson.error(e)), all);
  }
}
