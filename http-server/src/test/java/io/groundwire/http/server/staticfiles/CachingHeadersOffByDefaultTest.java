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

/** Without options no caching headers are sent. */
class CachingHeadersOffByDefaultTest extends StaticFilesTestBase {
  @Test
  void noCachingHeaders() throws IOException {
    RawResponse response = get("/hello.txt");
    assertNull(response.header("Cache-Control"));
    assertNull(response.header("Expires"));
  }
}
