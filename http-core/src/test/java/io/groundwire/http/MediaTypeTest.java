package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaTypeTest {
  @Test
  void parsesTypeSubtypeAndParameters() {
    MediaType type = MediaType.parse("Text/HTML; Charset=\"UTF-8\" ;level=1");
    assertEquals("text", type.type());
    assertEquals("html", type.subtype());
    assertEquals("text/html", type.essence());
    assertEquals("UTF-8", type.parameter("charset"));
    assertEquals("1", type.parameter("LEVEL"));
    assertEquals(StandardCharsets.UTF_8, type.charset(StandardCharsets.ISO_8859_1));
    assertEquals("text/html; charset=UTF-8; level=1", type.toString());
  }

  @Test
  void parsesQuotedStringsWithEscapes() {
    MediaType type = MediaType.parse("multipart/form-data; boundary=\"a \\\"b\\\" c\"");
    assertEquals("a \"b\" c", type.parameter("boundary"));
    assertEquals("multipart/form-data; boundary=\"a \\\"b\\\" c\"", type.toString());
    assertEquals(type, MediaType.parse(type.toString()));
  }

  @Test
  void toleratesEmptyParameters() {
    assertEquals(MediaType.of("text", "plain"), MediaType.parse("text/plain;"));
  }

  @Test
  void fallsBackForMissingOrUnknownCharsets() {
    assertEquals(StandardCharsets.ISO_8859_1, MediaType.parse("text/plain").charset(StandardCharsets.ISO_8859_1));
    assertEquals(StandardCharsets.UTF_8, MediaType.parse("text/plain; charset=nope-42").charset(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsInvalidMediaTypes() {
    for (String text : new String[] {"", "text", "text/", "/plain", "text/plain; charset", "text/plain; a=\"x", "text /plain", "text/plain x"}) {
      assertThrows(IllegalArgumentException.class, () -> MediaType.parse(text), text);
    }
  }

  @Test
  void constantsAndWithers() {
    assertEquals("text/plain; charset=utf-8", MediaType.TEXT_PLAIN_UTF_8.toString());
    assertEquals("application/json", MediaType.APPLICATION_JSON.toString());
    MediaType json = MediaType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);
    assertEquals("application/json; charset=utf-8", json.toString());
    assertNull(json.withoutParameters().parameter("charset"));
  }
}
