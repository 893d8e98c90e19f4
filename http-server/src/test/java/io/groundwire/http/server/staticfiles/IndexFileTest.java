package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Directories: the index file, the redirect to the slash form, 403 without index or listing. */
class IndexFileTest extends StaticFilesTestBase {
  @Test
  void directoryWithSlashServesItsIndexFile() throws IOException {
    RawResponse response = get("/docs/");
    assertEquals(200, response.status());
    assertEquals("text/html; charset=utf-8", response.header("Content-Type"));
    assertEquals("<h1>docs</h1>\n", response.bodyText());
  }

  @Test
  void directoryWithoutSlashIsRedirectedToTheSlashForm() throws IOException {
    RawResponse response = server.exchange("""
        GET /docs?lang=en HTTP/1.1
        Host: localhost
        Connection: close

        """);
    assertEquals(301, response.status());
    assertEquals("/docs/?lang=en", response.header("Location"));
  }

  @Test
  void redirectNeverPointsToAnotherHost() throws IOException {
    RawResponse response = get("//docs");
    assertEquals(301, response.status());
    assertEquals("/docs/", response.header("Location"));
  }

  @Test
  void absoluteFormWithAQueryRightAfterTheHostAsksForTheRoot() throws IOException {
    // the path is "/" and "/docs" is the query: no redirect built from the query
    RawResponse response = get("http://localhost?/docs");
    assertEquals(get("/").status(), response.status());
    assertNull(response.header("Location"));
  }

  @Test
  void directoryWithoutIndexIsForbiddenWhenListingIsOff() throws IOException {
    assertEquals(403, get("/empty/").status());
  }

  @Test
  void missingFileIsNotFound() throws IOException {
    assertEquals(404, get("/missing.txt").status());
  }
}
