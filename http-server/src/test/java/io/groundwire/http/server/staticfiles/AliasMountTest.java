package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groundwire.http.server.Router;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Mounted under a prefix like nginx's {@code alias}, next to other routes. */
class AliasMountTest extends StaticFilesTestBase {
  @Override
  io.groundwire.http.server.Handler routes() {
    return Router.builder()
        .get("/api", (req, res) -> res.text("api"))
        .get("/static/*", StaticFiles.alias(root).build())
        .build();
  }

  @Test
  void servesFilesUnderThePrefixFromTheDirectory() throws IOException {
    RawResponse response = get("/static/hello.txt");
    assertEquals(200, response.status());
    assertEquals("Hello, static world!\n", response.bodyText());
  }

  @Test
  void servesTheIndexOfANestedDirectory() throws IOException {
    assertEquals("<h1>docs</h1>\n", get("/static/docs/").bodyText());
  }

  @Test
  void redirectsANestedDirectoryToItsSlashFormWithThePrefix() throws IOException {
    RawResponse response = get("/static/docs");
    assertEquals(301, response.status());
    assertEquals("/static/docs/", response.header("Location"));
  }

  @Test
  void mountRootWithoutIndexIsForbiddenWithoutListing() throws IOException {
    assertEquals(403, get("/static/").status());
  }

  @Test
  void otherRoutesStillAnswer() throws IOException {
    assertEquals("api", get("/api").bodyText());
  }

  @Test
  void cannotClimbOutOfTheAliasDirectory() throws IOException {
    int status = get("/static/%2e%2e/outside.txt").status();
    assertEquals(true, status == 400 || status == 404, "status " + status);
  }
}
