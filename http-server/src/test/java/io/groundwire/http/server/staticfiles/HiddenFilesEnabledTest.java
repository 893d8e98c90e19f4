package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The same site with hidden files enabled. */
class HiddenFilesEnabledTest extends StaticFilesTestBase {
  @Override
  StaticFiles handler() {
    return StaticFiles.root(root).hiddenFiles(true).build();
  }

  @Test
  void hiddenFileIsServed() throws IOException {
    RawResponse response = get("/.env");
    assertEquals(200, response.status());
    assertEquals("SECRET=1\n", response.bodyText());
  }
}
