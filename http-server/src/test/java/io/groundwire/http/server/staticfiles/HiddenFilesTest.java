package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Names starting with a dot are not served unless enabled. */
class HiddenFilesTest extends StaticFilesTestBase {
  @Test
  void hiddenFileIsNotFound() throws IOException {
    assertEquals(404, get("/.env").status());
  }

  @Test
  void fileInHiddenDirectoryIsNotFound() throws IOException {
    assertEquals(404, get("/.git/config").status());
  }

  @Test
  void encodedHiddenNameIsNotFound() throws IOException {
    assertEquals(404, get("/%2eenv").status());
  }
}
