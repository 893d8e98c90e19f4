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

/** An explicit Cache-Control value. */
class CacheControlOptionTest extends StaticFilesTestBase {
  @Override
  StaticFiles handler() {
    return StaticFiles.root(root).cacheControl("public, max-age=60, immutable").build();
  }

  @Test
  void sendsItVerbatim() throws IOException {
    assertEquals("public, max-age=60, immutable", get("/hello.txt").header("Cache-Control"));
  }
}
