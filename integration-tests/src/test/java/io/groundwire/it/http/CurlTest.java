package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.http.DemoSite;
import io.groundwire.it.support.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** curl against {@code groundwire http-server} serving the demo from the jar. */
@Timeout(120)
class CurlTest {
  private static final DemoSite DEMO = DemoSite.load();
  private static HttpServerProcess server;
  private static Path curl;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    curl = ExternalProgram.require("curl", "curl");
    server = new HttpServerProcess();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Programs.Result curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(curl.toString(), "--silent", "--show-error", "--max-time", "20"));
    command.addAll(Arrays.asList(args));
    Programs.Result result = Programs.run(command, 30);
    assertEquals(0, result.exitCode(), "curl failed: " + result.stderr());
    return result;
  }

  @Test
  void demoPageIsByteIdenticalToTheFileInTheJar() throws Exception {
    assertArrayEquals(DEMO.page(), curl(server.baseUrl() + "/").stdout());
  }

  @Test
  void demoImageIsByteIdenticalAndServedAsJpeg() throws Exception {
    Path image = temp.resolve("image.jpg");
    Programs.Result result = curl("--output", image.toString(), "--write-out", "%{content_type}",
        server.baseUrl() + DemoSite.IMAGE_PATH);
    assertEquals("image/jpeg", result.stdoutText());
    assertArrayEquals(DEMO.image(), Files.readAllBytes(image));
  }

  @Test
  void formPostShowsTheFieldsEscaped() throws Exception {
    String page = curl("--data-urlencode", "name=<script>alert('x')</script>",
        "--data-urlencode", "message=Tom & Jerry \"quoted\"", server.baseUrl() + "/form").stdoutText();
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
    assertTrue(page.contains("Tom &amp; Jerry &quot;quoted&quot;"), page);
    assertFalse(page.contains("<script>"), page);
  }

  @Test
  void multipartUploadShowsFieldsAndTheFileSize() throws Exception {
    Path upload = Files.write(temp.resolve("upload.bin"), new byte[123_457]);
    String page = curl("--form-string", "note=<i>hi</i>",
        "--form", "file=@" + upload + ";filename=\"a<b>.bin\";type=application/x-demo",
        server.baseUrl() + "/form").stdoutText();
    assertTrue(page.contains("<th>note</th><td><pre>&lt;i&gt;hi&lt;/i&gt;</pre>"), page);
    assertTrue(page.contains("file a&lt;b&gt;.bin (application/x-demo, 123457 bytes)"), page);
  }

  @Test
  void http10RequestIsAnswered() throws Exception {
    Programs.Result result = curl("--http1.0", "--include", server.baseUrl() + "/");
    String text = result.stdoutText();
    assertTrue(text.startsWith("HTTP/1."), text);
    assertTrue(text.contains(" 200 "), text.lines().findFirst().orElse(""));
    assertTrue(text.endsWith(new String(DEMO.page(), java.nio.charset.StandardCharsets.UTF_8)), "body differs");
  }

  @Test
  void demoPictureFromTheJarComesInRangesAndRevalidatesWith304() throws Exception {
    Path part = temp.resolve("demo-part.bin");
    Programs.Result range = curl("--range", "6000-", "--output", part.toString(),
        "--write-out", "%{http_code}", server.baseUrl() + DemoSite.IMAGE_PATH);
    assertEquals("206", range.stdoutText());
    assertArrayEquals(Arrays.copyOfRange(DEMO.image(), 6000, DEMO.image().length), Files.readAllBytes(part));

    String head = curl("--head", server.baseUrl() + DemoSite.IMAGE_PATH).stdoutText();
    String etag = head.lines().filter(l -> l.toLowerCase().startsWith("etag:"))
        .findFirst().orElseThrow(() -> new AssertionError("no ETag in " + head)).substring(5).strip();
    String code = curl("--header", "If-None-Match: " + etag, "--output", "/dev/null",
        "--write-out", "%{http_code}", server.baseUrl() + DemoSite.IMAGE_PATH).stdoutText();
    assertEquals("304", code);
  }

  @Test
  void rangeOfTheImageArrivesAs206() throws Exception {
    HttpServerProcess files = null;
    try {
      Path root = Files.createDirectories(temp.resolve("root"));
      Files.write(root.resolve("picture.jpg"), DEMO.image());
      files = new HttpServerProcess("--root", root.toString());
      Path part = temp.resolve("part.bin");
      Programs.Result result = curl("--range", "100-1099", "--output", part.toString(),
          "--write-out", "%{http_code}", files.baseUrl() + "/picture.jpg");
      assertEquals("206", result.stdoutText());
      assertArrayEquals(Arrays.copyOfRange(DEMO.image(), 100, 1100), Files.readAllBytes(part));
    } finally {
      if (files != null) {
        files.close();
      }
    }
  }

  @Test
  void staticFileRevalidatesWith304() throws Exception {
    HttpServerProcess files = null;
    try {
      Path root = Files.createDirectories(temp.resolve("root"));
      Files.writeString(root.resolve("a.txt"), "cache me\n");
      files = new HttpServerProcess("--root", root.toString());
      String head = curl("--head", files.baseUrl() + "/a.txt").stdoutText();
      String etag = head.lines().filter(l -> l.toLowerCase().startsWith("etag:"))
          .findFirst().orElseThrow().substring(5).strip();
      String code = curl("--header", "If-None-Match: " + etag, "--output", "/dev/null",
          "--write-out", "%{http_code}", files.baseUrl() + "/a.txt").stdoutText();
      assertEquals("304", code);
    } finally {
      if (files != null) {
        files.close();
      }
    }
  }
}
