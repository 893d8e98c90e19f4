package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
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
