package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Cache-Control and Expires like nginx's {@code expires 30d}. */
class CachingHeadersTest extends StaticFilesTestBase {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Override
  StaticFiles handler() {
    return StaticFiles.of(StaticFiles.root(root).expires(Duration.ofDays(30)).options(), CLOCK);
  }

  @Test
  void expiresSendsMaxAgeAndAnExpiresDate() throws IOException {
    RawResponse response = get("/hello.txt");
    assertEquals("max-age=2592000", response.header("Cache-Control"));
    assertEquals("Fri, 31 Jan 2025 00:00:00 GMT", response.header("Expires"));
  }

  @Test
  void notModifiedKeepsTheCachingHeaders() throws IOException {
    String etag = get("/hello.txt").header("ETag");
    RawResponse response = get("/hello.txt", "If-None-Match: " + etag);
    assertEquals(304, response.status());
    assertEquals("max-age=2592000", response.header("Cache-Control"));
    // RFC 9111 §5.3: Expires is the clock's now (2025-01-01) plus the configured 30 days
    assertEquals("Fri, 31 Jan 2025 00:00:00 GMT", response.header("Expires"));
  }

  @Test
  void unsatisfiableRangeIsNotMadeCacheable() throws IOException {
    RawResponse response = get("/hello.txt", "Range: bytes=500-");
    assertEquals(416, response.status());
    assertNull(response.header("Cache-Control"));
    assertNull(response.header("Expires"));
  }
}
