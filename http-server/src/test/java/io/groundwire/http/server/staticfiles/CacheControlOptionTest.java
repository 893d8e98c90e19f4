package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
