package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Cache-Control and Expires like nginx's {@code expires 30d}. */
class CachingHeadersTest extends StaticFilesTestBase {
  @Override
  StaticFiles handler() {
    return StaticFiles.root(root).expires(Duration.ofDays(30)).build();
  }

  @Test
  void expiresSendsMaxAgeAndAnExpiresDate() throws IOException {
    RawResponse response = get("/hello.txt");
    assertEquals("max-age=2592000", response.header("Cache-Control"));
    Instant expires = ZonedDateTime.parse(response.header("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    Instant expected = Instant.now().plus(Duration.ofDays(30));
    assertTrue(Math.abs(Duration.between(expires, expected).toSeconds()) < 60, response.header("Expires"));
  }

  @Test
  void notModifiedKeepsTheCachingHeaders() throws IOException {
    String etag = get("/hello.txt").header("ETag");
    RawResponse response = get("/hello.txt", "If-None-Match: " + etag);
    assertEquals(304, response.status());
    assertEquals("max-age=2592000", response.header("Cache-Control"));
    assertNotNull(response.header("Expires"));
  }
}
