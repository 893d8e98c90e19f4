package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Directory listings like nginx's autoindex, escaped, without hidden names. */
class AutoindexTest extends StaticFilesTestBase {
  @Override
  StaticFiles handler() {
    return StaticFiles.root(root).autoindex(true).build();
  }

  @Test
  void listsTheRootWithLinksAndWithoutHiddenNames() throws IOException {
    RawResponse response = get("/");
    assertEquals(200, response.status());
    assertEquals("text/html; charset=utf-8", response.header("Content-Type"));
    String page = response.bodyText();
    assertTrue(page.contains("<a href=\"hello.txt\">hello.txt</a>"), page);
    assertTrue(page.contains("<a href=\"empty/\">empty/</a>"), page);
    assertFalse(page.contains(".env"), page);
    assertFalse(page.contains(".git"), page);
  }

  @Test
  void escapesHostileNames() throws IOException {
    write("empty/<script>alert(1)<%2fscript>.txt", "x");
    String page = get("/empty/").bodyText();
    assertFalse(page.contains("<script>"), page);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;%2fscript&gt;.txt"), page);
  }

  @Test
  void indexFileStillWinsOverTheListing() throws IOException {
    assertEquals("<h1>docs</h1>\n", get("/docs/").bodyText());
  }
}
