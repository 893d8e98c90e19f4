package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over a real socket, against a fixed clock; the JDK's client is the peer. */
class HttpApiTest {
  private static final Instant FIXED = Instant.parse("2026-07-15T10:20:30.123456Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private TimeService service;

  @BeforeEach
  void start() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts()
        .daytimePort(-1).timePort(-1).sntpPort(-1)
        .clock(Clock.fixed(FIXED, ZoneOffset.UTC)).defaultZone(ZoneId.of("Europe/London"))
        .trustProxy("127.0.0.0/8").build());
  }

  @AfterEach
  void stop() {
    service.close();
    http.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.httpAddress().getPort() + path);
  }

  @Test
  void timezoneListsEveryZoneAsAJsonArray() throws Exception {
    HttpResponse<String> response = get("/api/timezone");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(response.body().startsWith("[\"Africa/Abidjan\","), response.body().substring(0, 40));
    assertTrue(response.body().contains("\"Europe/Berlin\""));
  }

  @Test
  void timezoneTxtListsOneZonePerLine() throws Exception {
    HttpResponse<String> response = get("/api/timezone.txt");
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(response.body().contains("\nEurope/Berlin\n"));
  }

  @Test
  void areaListsItsZones() throws Exception {
    String body = get("/api/timezone/Australia").body();
    assertTrue(body.contains("\"Australia/Lord_Howe\""), body);
    assertTrue(!body.contains("Europe/"), body);
  }

  @Test
  void zoneAnswersWorldtimeapiJson() throws Exception {
    HttpResponse<String> response = get("/api/timezone/Europe/Berlin");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().startsWith("{\"abbreviation\":\"CEST\",\"client_ip\":\"127.0.0.1\","
        + "\"datetime\":\"2026-07-15T12:20:30.123456+02:00\""), response.body());
  }

  @Test
  void zoneLookupIgnoresCaseAndAllowsThreeSegments() throws Exception {
    assertTrue(get("/api/timezone/america/new_york").body().contains("\"timezone\":\"America/New_York\""));
    assertTrue(get("/api/timezone/America/Argentina/Buenos_Aires.txt").body()
        .contains("timezone: America/Argentina/Buenos_Aires\n"));
  }

  @Test
  void unknownZoneIs404NamingItWithSuggestions() throws Exception {
    HttpResponse<String> response = get("/api/timezone/Europe/Berln");
    assertEquals(404, response.statusCode());
    assertEquals("{\"error\":\"unknown location\",\"location\":\"Europe/Berln\",\"suggestions\":[\"Europe/Berlin\"],"
        + "\"message\":\"unknown time zone 'Europe/Berln'; did you mean Europe/Berlin?\"}", response.body());
  }

  @Test
  void unknownZoneInTextIs404WithOneErrorLine() throws Exception {
    HttpResponse<String> response = get("/api/timezone/Mars/Olympus.txt");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().startsWith("Error: unknown time zone 'Mars/Olympus'"), response.body());
  }

  @Test
  void ipIsTheDefaultZoneWithTheCallersAddress() throws Exception {
    String body = get("/api/ip.txt").body();
    assertTrue(body.contains("client_ip: 127.0.0.1\n"), body);
    assertTrue(body.contains("timezone: Europe/London\n"), body);
  }

  @Test
  void forwardedForFromATrustedProxyNamesTheClient() throws Exception {
    String body = get("/api/ip", "X-Forwarded-For", "198.51.100.7, 10.0.0.1, 127.0.0.5").body();
    // 127.0.0.5 is a trusted proxy; 10.0.0.1 is not trusted, so it is the client as far as we can tell.
    assertTrue(body.contains("\"client_ip\":\"10.0.0.1\""), body);
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    try (TimeService untrusting = TimeService.start(TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts()
        .daytimePort(-1).timePort(-1).sntpPort(-1)
        .clock(Clock.fixed(FIXED, ZoneOffset.UTC)).build())) {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + untrusting.httpAddress().getPort() + "/api/ip"))
          .header("X-Forwarded-For", "198.51.100.7").build();
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      // no proxy is trusted: anyone can write the header, so the peer's own address counts
      assertTrue(body.contains("\"client_ip\":\"127.0.0.1\""), body);
      assertTrue(!body.contains("198.51.100.7"), body);
    }
  }

  @Test
  void zoneDetailsShowOffsetsAndTransitions() throws Exception {
    String body = get("/api/zone/Europe/Berlin").body();
    assertTrue(body.contains("\"utc_offset\":\"+02:00\",\"standard_offset\":\"+01:00\",\"dst\":true"), body);
    assertTrue(body.contains("\"previous_transition\":{\"at\":\"2026-03-29T01:00:00+00:00\","
        + "\"offset_before\":\"+01:00\",\"offset_after\":\"+02:00\",\"kind\":\"gap\"}"), body);
    assertTrue(body.contains("\"next_transition\":{\"at\":\"2026-10-25T01:00:00+00:00\""), body);
  }

  @Test
  void convertResolvesAGapAsAsked() throws Exception {
    HttpResponse<String> response = post("/api/convert",
        "{\"from\":\"Europe/Berlin\",\"dateTime\":\"2026-03-29T02:30:00\",\"to\":\"UTC\",\"ambiguity\":\"earlier\"}");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"utc_datetime\":\"2026-03-29T01:30:00.000000+00:00\""), response.body());
    assertTrue(response.body().contains("\"resolution\":\"gap_earlier\""), response.body());
  }

  @Test
  void convertRejectsAnOverlapWith422ByDefault() throws Exception {
    HttpResponse<String> response = post("/api/convert",
        "{\"from\":\"America/New_York\",\"dateTime\":\"2026-11-01T01:30:00\",\"to\":\"UTC\"}");
    assertEquals(422, response.statusCode());
    assertTrue(response.body().contains("\"kind\":\"overlap\""), response.body());
  }

  @Test
  void convertWithMalformedJsonIs400() throws Exception {
    HttpResponse<String> response = post("/api/convert", "{\"from\": \"UTC\", ");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("JSON"), response.body());
  }

  @Test
  void convertWithAMalformedDateIs400SayingWhatWasWrong() throws Exception {
    HttpResponse<String> response = post("/api/convert", "{\"from\":\"UTC\",\"dateTime\":\"yesterday\"}");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("'yesterday' is not an ISO 8601 date-time"), response.body());
  }

  @Test
  void syncEchoesT1WithTheServersTimes() throws Exception {
    HttpResponse<String> response = get("/api/sync?t1=1784110830000000000");
    assertEquals("{\"t1\":1784110830000000000,\"t2\":1784110830123456000,\"dispersion_ns\":1000,"
        + "\"t3\":1784110830123456000}", response.body());
  }

  @Test
  void syncWithoutANumericT1Is400() throws Exception {
    HttpResponse<String> response = get("/api/sync?t1=now");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("t1 must be the client's send time in nanoseconds"), response.body());
  }

  @Test
  void nowOffersTheRequestedFormat() throws Exception {
    assertEquals("Wed, 15 Jul 2026 10:20:30 GMT\n", get("/api/now.txt?format=rfc1123").body());
    assertEquals("1784110830123\n", get("/api/now.txt?format=epoch_ms").body());
    assertEquals("1784110830123456000\n", get("/api/now.txt?format=epoch_ns").body());
    assertEquals("{\"timezone\":\"Asia/Tokyo\",\"format\":\"rfc3339\",\"value\":\"2026-07-15T19:20:30.123456+09:00\"}",
        get("/api/now?zone=Asia/Tokyo").body());
    assertEquals(400, get("/api/now?format=iso9999").statusCode());
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response = post("/api/timezone", "{}");
    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void optionsAndAnyOtherMethodNameExactlyWhatEachEndpointTakes() throws Exception {
    HttpResponse<String> ip = send("OPTIONS", "/api/ip");
    assertEquals(204, ip.statusCode());
    assertEquals("GET, HEAD, OPTIONS", ip.headers().firstValue("Allow").orElse(""));
    assertEquals("POST, OPTIONS", send("OPTIONS", "/api/convert").headers().firstValue("Allow").orElse(""));
    HttpResponse<String> put = send("PUT", "/api/ip");
    assertEquals(405, put.statusCode());
    assertEquals("GET, HEAD, OPTIONS", put.headers().firstValue("Allow").orElse(""));
    HttpResponse<String> custom = send("FOO", "/api/convert");
    assertEquals(405, custom.statusCode());
    assertEquals("POST, OPTIONS", custom.headers().firstValue("Allow").orElse(""));
    assertTrue(custom.body().startsWith("{\"error\""), custom.body());
    assertEquals(404, send("OPTIONS", "/api/nothing").statusCode());
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aConversionAtTheEdgeOfTheDateRangeIs400NotAServerError() throws Exception {
    HttpResponse<String> response = post("/api/convert",
        "{\"from\":\"UTC\",\"dateTime\":\"+999999999-12-31T23:59:59\",\"to\":\"Pacific/Kiritimati\"}");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("range"), response.body());
  }

  @Test
  void zoneDetailsAsTextAreKeyValueLinesAlsoForTheTransitions() throws Exception {
    String text = get("/api/zone/Europe/Berlin.txt").body();
    assertTrue(text.contains("\nprevious_transition.offset_before: "), text);
    assertTrue(text.contains("\nnext_transition.kind: "), text);
    assertTrue(!text.contains("{"), text);
  }
}
