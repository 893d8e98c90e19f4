package io.groundwire.cli.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The demo's resources and escaping. */
class DemoSiteTest {
  private final DemoSite demo = DemoSite.load();

  @Test
  void pageReferencesThePictureAndPostsTheForm() {
    String page = new String(demo.page(), StandardCharsets.UTF_8);
    assertTrue(page.contains("<img src=\"groundwire.jpg\""), page);
    assertTrue(page.contains("<form method=\"post\" action=\"/form\">"), page);
  }

  @Test
  void pictureIsARealJpeg() throws Exception {
    byte[] image = demo.image();
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, java.util.Arrays.copyOf(image, 3));
    var decoded = ImageIO.read(new ByteArrayInputStream(image));
    assertEquals(320, decoded.getWidth());
    assertEquals(200, decoded.getHeight());
  }

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
        DemoSite.escape("<a href=\"x\">Tom & Jerry's</a>"));
  }
}
