package io.groundwire.time.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.groundwire.time.TimeServiceException;
import io.groundwire.time.ZoneDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;

/** JSON in and out of the time API, through Moshi's streaming reader and writer. */
public final class ApiJson {
  private ApiJson() {}

  /** Writes maps, lists, strings, numbers, booleans and nulls as compact JSON; nulls are kept. */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      json.jsonValue(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * Reads a JSON object.
   *
   * @throws TimeServiceException 400 saying what is wrong when it is not one
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(byte[] body) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new TimeServiceException(400, "the body must be a JSON object, found " + reader.peek());
      }
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new TimeServiceException(400, "the body has data after the JSON object");
      }
      return (Map<String, Object>) value;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new TimeServiceException(400, "the body is not valid JSON: " + e.getMessage());
    } catch (java.io.EOFException e) {
      throw new TimeServiceException(400, "the body is empty or ends inside the JSON object");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error object: worldtimeapi's {@code error} key, then the details. */
  public static Map<String, Object> error(TimeServiceException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.putAll(e.details());
    return body;
  }

  /** {@code GET /api/zone/{id}}'s object. */
  public static Map<String, Object> zone(ZoneDetails zone, String tzdbVersion) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timezone", zone.id());
    body.put("at", TimeFormats.microsUtc(zone.at()));
    body.put("abbreviation", zone.abbreviation());
    body.put("utc_offset", TimeFormats.offset(zone.offset()));
    body.put("standard_offset", TimeFormats.offset(zone.standardOffset()));
    body.put("dst", zone.dst());
    body.put("dst_offset", zone.offset().getTotalSeconds() - zone.standardOffset().getTotalSeconds());
    body.put("previous_transition", transition(zone.previous()));
    body.put("next_transition", transition(zone.next()));
    body.put("tzdb_version", tzdbVersion);
    return body;
  }

  private static Map<String, Object> transition(ZoneDetails.Transition t) {
    if (t == null) {
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("at", TimeFormats.secondsUtc(t.at()));
    body.put("offset_before", TimeFormats.offset(t.offsetBefore()));
    body.put("offset_after", TimeFormats.offset(t.offsetAfter()));
    body.put("kind", t.gap() ? "gap" : "overlap");
    return body;
  }

  /** Reads back a transition object, for the client. */
  static ZoneDetails.Transition readTransition(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    return new ZoneDetails.Transition(
        java.time.OffsetDateTime.parse((String) map.get("at")).toInstant(),
        ZoneOffset.of((String) map.get("offset_before")),
        ZoneOffset.of((String) map.get("offset_after")),
        "gap".equals(map.get("kind")));
  }

  /** Reads back {@code GET /api/zone/{id}}'s object, for the client. */
  public static ZoneDetails readZone(Map<String, Object> body) {
    return new ZoneDetails(
        (String) body.get("timezone"),
        Instant.from(java.time.OffsetDateTime.parse((String) body.get("at"))),
        (String) body.get("abbreviation"),
        ZoneOffset.of((String) body.get("utc_offset")),
        ZoneOffset.of((String) body.get("standard_offset")),
        Boolean.TRUE.equals(body.get("dst")),
        readTransition(body.get("previous_transition")),
        readTransition(body.get("next_transition")));
  }
}
