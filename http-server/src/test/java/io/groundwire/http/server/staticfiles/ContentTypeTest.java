package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content-Type by extension, with charset=utf-8 for text. */
class ContentTypeTest extends StaticFilesTestBase {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "page.html|text/html; charset=utf-8",
      "style.css|text/css; charset=utf-8",
      "app.js|text/javascript; charset=utf-8",
      "data.json|application/json",
      "logo.svg|image/svg+xml",
      "photo.jpg|image/jpeg",
      "photo.JPEG|image/jpeg",
      "icon.png|image/png",
      "anim.gif|image/gif",
      "pic.webp|image/webp",
      "pic.avif|image/avif",
      "favicon.ico|image/x-icon",
      "font.woff2|font/woff2",
      "font.woff|font/woff",
      "module.wasm|application/wasm",
      "doc.pdf|application/pdf",
      "notes.txt|text/plain; charset=utf-8",
      "movie.mp4|video/mp4",
      "clip.webm|video/webm",
      "blob.bin|application/octet-stream",
      "Makefile|application/octet-stream"})
  void servesTheTypeOfTheExtension(String name, String type) throws IOException {
    write("types/" + name, "x");
    assertEquals(type, get("/types/" + name).header("Content-Type"));
  }
}
