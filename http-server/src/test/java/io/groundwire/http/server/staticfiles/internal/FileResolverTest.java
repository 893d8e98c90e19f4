package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResolverTest {
  @TempDir Path temp;
  private Path root;
  private FileResolver resolver;

  @BeforeEach
  void createTree() throws IOException {
    root = Files.createDirectories(temp.resolve("root"));
    Files.writeString(root.resolve("a.txt"), "a");
    Files.createDirectories(root.resolve("dir"));
    Files.writeString(root.resolve("dir/index.html"), "<p>index");
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve(".secret"), "s");
    Files.writeString(temp.resolve("outside.txt"), "o");
    Files.createSymbolicLink(root.resolve("out-link"), temp.resolve("outside.txt"));
    Files.createSymbolicLink(root.resolve("in-link"), root.resolve("a.txt"));
    resolver = new FileResolver(root, "index.html", false);
  }

  private Resolution resolve(String path) {
    return resolver.resolve(path, path);
  }

  @Test
  void findsRegularFileByItsRealPath() throws IOException {
    Resolution.RegularFile file = assertInstanceOf(Resolution.RegularFile.class, resolve("/a.txt"));
    assertEquals(root.toRealPath().resolve("a.txt"), file.path());
  }

  @Test
  void servesIndexFileOfDirectoryWithSlash() throws IOException {
    Resolution.RegularFile file = assertInstanceOf(Resolution.RegularFile.class, resolve("/dir/"));
    assertEquals(root.toRealPath().resolve("dir/index.html"), file.path());
  }

  @Test
  void directoryWithoutSlashNeedsRedirect() {
    assertInstanceOf(Resolution.NeedsTrailingSlash.class, resolve("/dir"));
  }

  @Test
  void directoryWithoutIndexIsADirectory() {
    assertInstanceOf(Resolution.Directory.class, resolve("/empty/"));
  }

  @Test
  void missingFileIsNotFound() {
    assertInstanceOf(Resolution.NotFound.class, resolve("/nope.txt"));
  }

  @Test
  void fileWithTrailingSlashIsNotFound() {
    assertInstanceOf(Resolution.NotFound.class, resolve("/a.txt/"));
  }

  @Test
  void dotSegmentsInsideTheRootAreResolved() {
    assertInstanceOf(Resolution.RegularFile.class, resolve("/dir/../a.txt"));
  }

  @Test
  void dotSegmentsClimbingAboveTheRootAreRejected() {
    assertInstanceOf(Resolution.BadPath.class, resolve("/../outside.txt"));
    assertInstanceOf(Resolution.BadPath.class, resolve("/dir/../../outside.txt"));
    assertInstanceOf(Resolution.BadPath.class, resolver.resolve("/%2e%2e/outside.txt", "/../outside.txt"));
  }

  @Test
  void encodedSlashesBackslashesAndNulAreRejected() {
    assertInstanceOf(Resolution.BadPath.class, resolver.resolve("/..%2foutside.txt", "/../outside.txt"));
    assertInstanceOf(Resolution.BadPath.class, resolver.resolve("/..%5Coutside.txt", "/..\\outside.txt"));
    assertInstanceOf(Resolution.BadPath.class, resolve("/..\\outside.txt"));
    assertInstanceOf(Resolution.BadPath.class, resolver.resolve("/a.txt%00.png", "/a.txt\0.png"));
  }

  @Test
  void hiddenFilesAreNotFound() {
    assertInstanceOf(Resolution.NotFound.class, resolve("/.secret"));
  }

  @Test
  void hiddenFilesAreFoundWhenAllowed() throws IOException {
    FileResolver permissive = new FileResolver(root, "index.html", true);
    assertInstanceOf(Resolution.RegularFile.class, permissive.resolve("/.secret", "/.secret"));
  }

  @Test
  void symbolicLinkLeadingOutOfTheRootIsNotFound() {
    assertInstanceOf(Resolution.NotFound.class, resolve("/out-link"));
  }

  @Test
  void symbolicLinkInsideTheRootIsFollowed() {
    assertInstanceOf(Resolution.RegularFile.class, resolve("/in-link"));
  }

  @Test
  void rootItselfResolvesThroughASymbolicLink() throws IOException {
    Path link = Files.createSymbolicLink(temp.resolve("root-link"), root);
    FileResolver viaLink = new FileResolver(link, null, false);
    assertInstanceOf(Resolution.RegularFile.class, viaLink.resolve("/a.txt", "/a.txt"));
    assertInstanceOf(Resolution.Directory.class, viaLink.resolve("/dir/", "/dir/"));
  }

  @Test
  void symbolicLinkToAHiddenNameIsNotFound() throws IOException {
    Files.createSymbolicLink(root.resolve("visible"), root.resolve(".secret"));
    assertInstanceOf(Resolution.NotFound.class, resolve("/visible"));
  }

  @Test
  void namedPipeIsNeverServed() throws Exception {
    Path fifo = root.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    assertInstanceOf(Resolution.NotFound.class, resolve("/pipe"));
  }

  @Test
  void linkOutOfTheRootBelowARealDirectoryIsNotFound() throws IOException {
    Files.createSymbolicLink(root.resolve("dir/escape.txt"), temp.resolve("outside.txt"));
    assertInstanceOf(Resolution.NotFound.class, resolve("/dir/escape.txt"));
  }

  @Test
  void fileReplacedByALinkOutOfTheRootIsNotFoundAfterItWasServed() throws IOException {
    assertInstanceOf(Resolution.RegularFile.class, resolve("/a.txt"));
    Files.delete(root.resolve("a.txt"));
    Files.createSymbolicLink(root.resolve("a.txt"), temp.resolve("outside.txt"));
    assertInstanceOf(Resolution.NotFound.class, resolve("/a.txt"));
  }

  @Test
  void fileReplacedByADirectoryIsADirectoryAfterItWasServed() throws IOException {
    assertInstanceOf(Resolution.RegularFile.class, resolve("/a.txt"));
    Files.delete(root.resolve("a.txt"));
    Files.createDirectories(root.resolve("a.txt"));
    assertInstanceOf(Resolution.NeedsTrailingSlash.class, resolve("/a.txt"));
  }

  @Test
  void deletedFileIsNotFoundAfterItWasServed() throws IOException {
    assertInstanceOf(Resolution.RegularFile.class, resolve("/dir/index.html"));
    Files.delete(root.resolve("dir/index.html"));
    assertInstanceOf(Resolution.NotFound.class, resolve("/dir/index.html"));
  }

  @Test
  void respelledPathsLeadToTheSameFileEveryTime() throws IOException {
    Path real = root.toRealPath().resolve("dir/index.html");
    for (int i = 0; i < 3; i++) {
      for (String spelling : new String[] {"/dir/index.html", "dir/index.html", "/dir//index.html",
          "/dir/./index.html", "/empty/../dir/index.html"}) {
        assertEquals(real, assertInstanceOf(Resolution.RegularFile.class, resolve(spelling)).path(), spelling);
      }
    }
  }
}
