package io.groundwire.it.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Headless Chromium opens the demo page: it fetches the page and its picture, and renders them. */
@Timeout(180)
class ChromiumTest {
  @TempDir Path temp;

  @Test
  void browserLoadsThePageAndItsImageAndRendersAScreenshot() throws Exception {
    Path chromium = ExternalProgram.require("chromium", "chromium");
    Path accessLog = temp.resolve("access.log");
    Path screenshot = temp.resolve("screenshot.png");
    try (HttpServerProcess server = new HttpServerProcess("--access-log", accessLog.toString())) {
      Programs.Result result = Programs.run(List.of(chromium.toString(),
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
          "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")),
          "--screenshot=" + screenshot, "--window-size=800,600",
          server.baseUrl() + "/"), 120);
      assertEquals(0, result.exitCode(), "chromium failed: " + result.stderr());

      // The access log is flushed about once a second.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        String log = Files.exists(accessLog) ? Files.readString(accessLog) : "";
        assertTrue(log.contains("\"GET / HTTP/1.1\" 200 "), log);
        assertTrue(log.contains("\"GET /groundwire.jpg HTTP/1.1\" 200 "), log);
      });
    }

    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertNotNull(image, "the screenshot is not an image ImageIO can read");
    assertTrue(Files.size(screenshot) > 10_000, "screenshot of only " + Files.size(screenshot) + " bytes");
    assertEquals(800, image.getWidth());
    assertEquals(600, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    // Text and the colourful JPEG give hundreds of colours; a blank or error page gives a handful.
    assertTrue(colours.size() > 100, "only " + colours.size() + " colours in the screenshot");
  }
}
