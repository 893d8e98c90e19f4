package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListingTest {
  @TempDir Path dir;

  @Test
  void escapesNamesInTextAndEncodesThemInLinks() throws IOException {
    Files.writeString(dir.resolve("<b>&\"x\" y.txt"), "1");
    String page = DirectoryListing.render(dir, "/files/<i>/", false, false);
    assertTrue(page.contains("<a href=\"%3Cb%3E%26%22x%22%20y.txt\">&lt;b&gt;&amp;&quot;x&quot; y.txt</a>"), page);
    assertTrue(page.contains("<title>Index of /files/&lt;i&gt;/</title>"), page);
    assertFalse(page.contains("<b>"), page);
  }

  @Test
  void listsDirectoriesFirstWithSlashAndParentLink() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "12345");
    Files.createDirectory(dir.resolve("z-dir"));
    String page = DirectoryListing.render(dir, "/", false, false);
    assertTrue(page.indexOf("href=\"../\"") < page.indexOf("href=\"z-dir/\""), page);
    assertTrue(page.indexOf("href=\"z-dir/\"") < page.indexOf("href=\"a.txt\""), page);
    assertTrue(page.contains("<td class=\"size\">5</td>"), page);
  }

  @Test
  void leavesOutHiddenEntriesAndParentAtMountRoot() throws IOException {
    Files.writeString(dir.resolve(".hidden"), "1");
    String page = DirectoryListing.render(dir, "/", false, true);
    assertFalse(page.contains(".hidden"), page);
    assertFalse(page.contains("../"), page);
  }

  @Test
  void leavesOutNamesNoRequestCouldReach() throws IOException {
    Files.writeString(dir.resolve("back\\slash.txt"), "1");
    Files.writeString(dir.resolve("new\nline.txt"), "1");
    Files.writeString(dir.resolve("plain.txt"), "1");
    String page = DirectoryListing.render(dir, "/", false, true);
    assertFalse(page.contains("slash"), page);
    assertFalse(page.contains("line"), page);
    assertTrue(page.contains("href=\"plain.txt\""), page);
  }

  @Test
  void aNameThatWasNotValidUtf8IsNotReachable() {
    assertFalse(FileResolver.isReachableName("caf\uFFFD.txt"));
    assertTrue(FileResolver.isReachableName("caf\u00e9.txt"));
  }
}
