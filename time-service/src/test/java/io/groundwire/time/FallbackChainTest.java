package io.groundwire.time;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.groundwire.http.client.HttpClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's fallback chain against worldtimeapi-shaped upstreams (WireMock) that fail in different ways. */
class FallbackChainTest {
  private static final String PATH = "/api/timezone/Etc/UTC";
  private static final Instant LOCAL = Instant.parse("2026-11-23T21:40:00Z");
  /** The upstreams' clock is 2.5 s ahead of our fixed local clock. */
  private static final String WORLDTIMEAPI_BODY = """
      {"abbreviation":"UTC","client_ip":"203.0.113.9","datetime":"2026-11-23T21:40:02.500000+00:00",\
      "day_of_week":1,"day_of_year":327,"dst":false,"dst_from":null,"dst_offset":0,"dst_until":null,\
      "raw_offset":0,"timezone":"Etc/UTC","unixtime":1795470002,\
      "utc_datetime":"2026-11-23T21:40:02.500000+00:00","utc_offset":"+00:00","week_number":48}""";

  private final WireMockServer reset = new WireMockServer(options().dynamicPort());
  private final WireMockServer limited = new WireMockServer(options().dynamicPort());
  private final WireMockServer slow = new WireMockServer(options().dynamicPort());
  private final WireMockServer healthy = new WireMockServer(options().dynamicPort());
  private final HttpClient http = HttpClient.builder().retryOnStaleConnection(false).build();
  private final Clock local = Clock.fixed(LOCAL, ZoneOffset.UTC);

  @BeforeEach
  void start() {
    for (WireMockServer server : new WireMockServer[] {reset, limited, slow, healthy}) {
      server.start();
    }
    reset.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    limited.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"rate limited\"}")));
    slow.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withFixedDelay(1_500)
        .withHeader("Content-Type", "application/json").withBody(WORLDTIMEAPI_BODY)));
    healthy.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(WORLDTIMEAPI_BODY)));
  }

  @AfterEach
  void stop() {
    http.close();
    for (WireMockServer server : new WireMockServer[] {reset, limited, slow, healthy}) {
      server.stop();
    }
  }

  private WorldTimeApiSource source(WireMockServer server) {
    return new WorldTimeApiSource(server.baseUrl() + PATH, http, Duration.ofMillis(500), local);
  }

  /**
   * The fixed bodies were "read" at the instant the local timeline started, a few microseconds before
   * the request was sent, so allow 1 ms beyond the bound for that.
   */
  private static void assertAhead(Duration shift, OffsetEstimate estimate) {
    Duration miss = estimate.offset().minus(shift).abs();
    assertTrue(miss.compareTo(estimate.errorBound().plusMillis(1)) <= 0, estimate.toString());
  }

  @Test
  void healthyUpstreamAnswersWithItsShift() throws IOException {
    assertAhead(Duration.ofMillis(2500), source(healthy).estimate());
  }

  @Test
  void chainSkipsResetRateLimitedAndSlowUpstreamsAndSaysWhoAnswered() throws IOException {
    FallbackChain.Result result = FallbackChain.of(source(reset), source(limited), source(slow), source(healthy))
        .estimateWithFailures();
    assertEquals(healthy.baseUrl() + PATH, result.estimate().source());
    assertAhead(Duration.ofMillis(2500), result.estimate());
    assertEquals(3, result.failures().size(), result.failures().toString());
    assertTrue(result.failures().get(0).startsWith(reset.baseUrl()), result.failures().get(0));
    assertTrue(result.failures().get(1).contains("429") && result.failures().get(1).contains("Retry-After: 30"),
        result.failures().get(1));
    assertTrue(result.failures().get(2).startsWith(slow.baseUrl()), result.failures().get(2));
  }

  @Test
  void dateHeaderIsTheLastResortEvenOnA429() throws IOException {
    limited.stubFor(any(urlPathEqualTo("/")).willReturn(aResponse().withStatus(429)
        .withHeader("Date", "Mon, 23 Nov 2026 21:40:05 GMT")));
    FallbackChain.Result result = FallbackChain.of(source(reset),
        new DateHeaderSource(limited.baseUrl() + "/", http, Duration.ofSeconds(1), local)).estimateWithFailures();
    assertEquals("date-header:" + limited.baseUrl() + "/", result.estimate().source());
    assertTrue(result.estimate().contains(Duration.ofMillis(5500)), result.estimate().toString());
    assertTrue(result.estimate().errorBound().compareTo(Duration.ofMillis(500)) >= 0);
  }

  @Test
  void chainFailsListingEverySourceWhenNoneAnswers() {
    IOException e = assertThrows(IOException.class,
        () -> FallbackChain.of(source(reset), source(limited)).estimate());
    assertTrue(e.getMessage().startsWith("no time source answered: "), e.getMessage());
    assertEquals(2, e.getSuppressed().length);
  }
}
