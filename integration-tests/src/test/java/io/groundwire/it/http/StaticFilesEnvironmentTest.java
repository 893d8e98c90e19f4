package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.groundwire.it.support.GroundwireCli;
import io.groundwire.it.support.RunningProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code groundwire http-server --root} where the environment matters: a server running as an
 * unprivileged user meets files and directories it may not read, and the launcher script runs
 * under the plain C locale, where Java would read file names as ASCII.
 */
@Timeout(120)
class StaticFilesEnvironmentTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Not JUnit's temp directory: that one is private to root, and the server here may not be root. */
  private Path root;

  @BeforeEach
  void makeRoot() throws Exception {
    root = Files.createTempDirectory(Path.of("/tmp"), "gw-static-env-");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void removeRoot() throws Exception {
    RunningProcess.run(List.of("rm", "-rf", root.toString()), new byte[0], Duration.ofSeconds(20));
  }

  @Test
  void aServerRunningAsNobodyAnswers403ForWhatItMayNotRead() throws Exception {
    assumeTrue(isRoot(), "needs root to start the server as the user nobody");
    file("hello.txt", "rw-r--r--");
    file("secret.txt", "rw-------");
    Path nolist = Files.createDirectory(root.resolve("nolist"));
    file("nolist/known.txt", "rw-r--r--");
    Files.setPosixFilePermissions(nolist, PosixFilePermissions.fromString("rwx--x--x")); // search, no read
    Path closed = Files.createDirectory(root.resolve("closed"));
    file("closed/inside.txt", "rw-r--r--");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

    List<String> asNobody = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    asNobody.addAll(GroundwireCli.command(List.of()));
    try (HttpServerProcess server = new HttpServerProcess(asNobody, "--root", root.toString(), "--autoindex")) {
      assertEquals(200, status(server, "/hello.txt"));
      assertEquals(403, status(server, "/secret.txt"));
      assertEquals(403, status(server, "/nolist/"), "a directory it may search but not read is not listed");
      assertEquals(200, status(server, "/nolist/known.txt"));
      assertEquals(403, status(server, "/closed/inside.txt"));
    }
  }

  @Test
  void theLauncherServesNonAsciiFileNamesUnderTheCLocale() throws Exception {
    // the name is made by the shell: this JVM may itself run under a locale that cannot spell it
    RunningProcess.Result made = RunningProcess.run(List.of("sh", "-c",
        "printf 'bonjour\\n' > \"$1/$(printf 'caf\\303\\251.txt')\"", "sh", root.toString()),
        new byte[0], Duration.ofSeconds(10));
    assertEquals(0, made.exitCode(), made.stderr());
    Path launcher = Path.of("..", "groundwire").toAbsolutePath().normalize();
    List<String> command = List.of("env", "LC_ALL=C", "LANG=C", "JAVA_HOME=" + System.getProperty("java.home"),
        launcher.toString());
    try (HttpServerProcess server = new HttpServerProcess(command, "--root", root.toString(), "--autoindex")) {
      HttpResponse<String> response = get(server, "/caf%C3%A9.txt");
      assertEquals(200, response.statusCode());
      assertEquals("bonjour\n", response.body());
      String listing = get(server, "/").body();
      assertTrue(listing.contains("<a href=\"caf%C3%A9.txt\">café.txt</a>"), listing);
    }
  }

  private void file(String name, String permissions) throws Exception {
    Path file = Files.writeString(root.resolve(name), name + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }

  private static boolean isRoot() throws Exception {
    return RunningProcess.run(List.of("id", "-u"), new byte[0], Duration.ofSeconds(10)).out().strip().equals("0");
  }

  private static int status(HttpServerProcess server, String path) throws Exception {
    return get(server, path).statusCode();
  }

  private static HttpResponse<String> get(HttpServerProcess server, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
