package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Symbolic links are followed only while their real target stays under the real root. */
class SymbolicLinkTest extends StaticFilesTestBase {
  @Test
  void linkToAFileOutsideTheRootIsNotFound() throws IOException {
    Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("outside.txt"));
    assertEquals(404, get("/escape.txt").status());
  }

  @Test
  void linkToADirectoryOutsideTheRootIsNotFound() throws IOException {
    Files.createSymbolicLink(root.resolve("up"), temp);
    assertEquals(404, get("/up/outside.txt").status());
  }

  @Test
  void linkInsideTheRootIsFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("greeting.txt"), root.resolve("hello.txt"));
    RawResponse response = get("/greeting.txt");
    assertEquals(200, response.status());
    assertEquals("Hello, static world!\n", response.bodyText());
  }
}
