package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.Router;
import io.groundwire.http.server.staticfiles.internal.SmallFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StaticFiles#classpath}: a directory inside a jar (a zip file system) or in a classes
 * directory, mounted on a wildcard route, with validators, conditionals and ranges as on disk.
 */
class ClasspathFilesTest {
  /** Every entry gets this time, as a reproducible build gives them. */
  private static final Instant BUILD_TIME = Instant.parse("2020-01-01T00:00:00Z");
  private static final byte[] LARGE = randomBytes(SmallFiles.MAX_ARCHIVED_SIZE + 4099);

  @TempDir Path temp;
  private StaticFilesServer server;
  private URLClassLoader loader;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  @Test
  void servesAFileFromAJarWithTypeAndValidators() throws IOException {
    serveJar(site("Hello from the jar\n"));
    RawResponse response = get("/assets/hello.txt");
    assertEquals(200, response.status());
    assertEquals("Hello from the jar\n", response.bodyText());
    assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    assertEquals("Wed, 01 Jan 2020 00:00:00 GMT", response.header("Last-Modified"));
    assertNotNull(response.header("ETag"));
    assertEquals("bytes", response.header("Accept-Ranges"));
  }

  @Test
  void aMatchingEntityTagGets304() throws IOException {
    serveJar(site("Hello from the jar\n"));
    String etag = get("/assets/hello.txt").header("ETag");
    RawResponse response = get("/assets/hello.txt", "If-None-Match: " + etag);
    assertEquals(304, response.status());
    assertEquals(0, response.body().length);
  }

  @Test
  void aSameSizedFileInARebuiltJarGetsANewEntityTag() throws IOException {
    serveJar(site("Hello from the jar\n"));
    String first = get("/assets/hello.txt").header("ETag");
    stop();
    server = null;
    loader = null;
    serveJar(site("Hello from the JAR\n"), "rebuilt.jar"); // same size, same entry time
    String second = get("/assets/hello.txt").header("ETag");
    assertNotEquals(first, second);
  }

  @Test
  void aRangeOfASmallFileIsServed() throws IOException {
    serveJar(site("Hello from the jar\n"));
    RawResponse response = get("/assets/hello.txt", "Range: bytes=6-9");
    assertEquals(206, response.status());
    assertEquals("bytes 6-9/19", response.header("Content-Range"));
    assertEquals("from", response.bodyText());
  }

  @Test
  void aFileTooLargeToKeepIsStreamedWholeAndInRanges() throws IOException {
    serveJar(site("x"));
    RawResponse whole = get("/assets/large.bin");
    assertEquals(200, whole.status());
    assertArrayEquals(LARGE, whole.body());

    RawResponse tail = get("/assets/large.bin", "Range: bytes=-5000");
    assertEquals(206, tail.status());
    assertArrayEquals(Arrays.copyOfRange(LARGE, LARGE.length - 5000, LARGE.length), tail.body());
  }

  @Test
  void severalRangesOfAJarEntryMakeAMultipartBody() throws IOException {
    serveJar(site("Hello from the jar\n"));
    RawResponse response = get("/assets/hello.txt", "Range: bytes=0-4,15-17");
    assertEquals(206, response.status());
    String body = response.bodyText();
    assertTrue(body.contains("Content-Range: bytes 0-4/19\r\n\r\nHello\r\n"), body);
    assertTrue(body.contains("Content-Range: bytes 15-17/19\r\n\r\njar\r\n"), body);
  }

  @Test
  void headSendsTheLengthWithoutTheBody() throws IOException {
    serveJar(site("x"));
    RawResponse response = server.exchange("""
        HEAD /assets/large.bin HTTP/1.1
        Host: localhost
        Connection: close

        """);
    assertEquals(200, response.status());
    assertEquals(String.valueOf(LARGE.length), response.header("Content-Length"));
    assertEquals(0, response.body().length);
  }

  @Test
  void aDirectoryServesItsIndexAndNeedsItsSlash() throws IOException {
    serveJar(site("x"));
    assertEquals("<h1>docs</h1>\n", get("/assets/docs/").bodyText());
    RawResponse redirect = get("/assets/docs");
    assertEquals(301, redirect.status());
    assertEquals("/assets/docs/", redirect.header("Location"));
  }

  @Test
  void hiddenMissingAndClimbingPathsAreRefused() throws IOException {
    serveJar(site("x"));
    assertEquals(404, get("/assets/.secret").status());
    assertEquals(404, get("/assets/nothing.txt").status());
    // the jar's other entries lie outside the served directory
    assertEquals(400, get("/assets/%2e%2e/Outside.class").status());
    assertEquals(400, get("/assets/docs/../../Outside.class").status());
  }

  @Test
  void aJarDirectoryIsListedWhenAutoindexIsOn() throws IOException {
    loader = new URLClassLoader(new URL[] {writeJar(site("x"), "site.jar").toUri().toURL()}, null);
    StaticFiles files = StaticFiles.classpath(loader, "public").indexFile(null).autoindex(true).build();
    server = new StaticFilesServer(Router.builder().get("/assets/*", files).build());
    String listing = get("/assets/").bodyText();
    assertTrue(listing.contains("<a href=\"docs/\">docs/</a>"), listing);
    assertTrue(listing.contains("<a href=\"hello.txt\">hello.txt</a>"), listing);
    assertTrue(!listing.contains(".secret"), listing);
  }

  @Test
  void aClassesDirectoryOnDiskIsServedLikeAJar() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    for (Map.Entry<String, byte[]> entry : site("Hello from a directory\n").entrySet()) {
      Path file = classes.resolve(entry.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
    serve(classes);
    RawResponse response = get("/assets/hello.txt", "Range: bytes=11-14");
    assertEquals(206, response.status());
    assertEquals("a di", response.bodyText());
  }

  @Test
  void aMissingOrClimbingDirectoryNameIsRefusedAtBuildTime() throws IOException {
    loader = new URLClassLoader(new URL[] {writeJar(site("x"), "site.jar").toUri().toURL()}, null);
    assertThrows(IllegalArgumentException.class, () -> StaticFiles.classpath(loader, "nowhere"));
    assertThrows(IllegalArgumentException.class, () -> StaticFiles.classpath(loader, "public/../public"));
    assertThrows(IllegalArgumentException.class, () -> StaticFiles.classpath(loader, "/"));
  }

  private static Map<String, byte[]> site(String hello) {
    return Map.of(
        "public/hello.txt", hello.getBytes(StandardCharsets.UTF_8),
        "public/docs/index.html", "<h1>docs</h1>\n".getBytes(StandardCharsets.UTF_8),
        "public/.secret", "hidden\n".getBytes(StandardCharsets.UTF_8),
        "public/large.bin", LARGE,
        "Outside.class", new byte[] {(byte) 0xca, (byte) 0xfe});
  }

  private void serveJar(Map<String, byte[]> entries) throws IOException {
    serveJar(entries, "site.jar");
  }

  private void serveJar(Map<String, byte[]> entries, String name) throws IOException {
    serve(writeJar(entries, name));
  }

  private void serve(Path classPathEntry) throws IOException {
    loader = new URLClassLoader(new URL[] {classPathEntry.toUri().toURL()}, null);
    StaticFiles files = StaticFiles.classpath(loader, "public").build();
    server = new StaticFilesServer(Router.builder().get("/assets/*", files).build());
  }

  private Path writeJar(Map<String, byte[]> entries, String name) throws IOException {
    Path jar = temp.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      for (String directory : new String[] {"public/", "public/docs/"}) {
        out.putNextEntry(entry(directory));
        out.closeEntry();
      }
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(entry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  private static JarEntry entry(String name) {
    JarEntry entry = new JarEntry(name);
    entry.setLastModifiedTime(FileTime.from(BUILD_TIME));
    return entry;
  }

  private RawResponse get(String path, String... extraHeaders) throws IOException {
    return server.get(path, extraHeaders);
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(3).nextBytes(bytes);
    return bytes;
  }
}
