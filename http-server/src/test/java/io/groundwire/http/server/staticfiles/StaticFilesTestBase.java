package io.groundwire.http.server.staticfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serves a small site from a temp directory on a real server on an ephemeral port:
 * {@code hello.txt}, {@code digits.txt} (0-9 repeated), {@code docs/index.html}, {@code empty/},
 * {@code .env} and {@code .git/config}, with {@code outside.txt} next to the root.
 */
abstract class StaticFilesTestBase {
  static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00Z");
  static final String DIGITS = "0123456789".repeat(10);

  @TempDir Path temp;
  Path root;
  StaticFilesServer server;

  /** The handler under test; by default {@code StaticFiles.root(root)} with default options. */
  StaticFiles handler() {
    return StaticFiles.root(root).build();
  }

  /** What the server runs; by default only {@link #handler()}. */
  io.groundwire.http.server.Handler routes() {
    return handler();
  }

  @BeforeEach
  void startServer() throws IOException {
    root = Files.createDirectories(temp.resolve("site"));
    write("hello.txt", "Hello, static world!\n");
    write("digits.txt", DIGITS);
    write("docs/index.html", "<h1>docs</h1>\n");
    Files.createDirectories(root.resolve("empty"));
    write(".env", "SECRET=1\n");
    write(".git/config", "[core]\n");
    Files.writeString(temp.resolve("outside.txt"), "outside the root\n");
    server = new StaticFilesServer(routes());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  Path write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    return file;
  }

  RawResponse get(String path, String... extraHeaders) throws IOException {
    return server.get(path, extraHeaders);
  }
}
