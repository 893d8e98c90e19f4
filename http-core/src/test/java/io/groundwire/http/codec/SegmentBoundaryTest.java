package io.groundwire.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groundwire.http.HttpProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Heads whose line ends fall on every position around Okio's 8 KiB segment boundary. */
class SegmentBoundaryTest {
  private final RequestHeadReader reader = new RequestHeadReader(
      Limits.builder().maxHeaderSectionSize(64 * 1024).build());

  @Test
  void findsLineEndsAndTheEmptyLineAcrossSegmentBoundaries() throws IOException {
    for (int length = 8100; length < 8220; length++) {
      String value = "v".repeat(length);
      String wire = "GET / HTTP/1.1\r\nHost: a\r\nX: " + value + "\r\nY: z\r\n\r\nNEXT";
      Buffer in = new Buffer().writeString(wire, StandardCharsets.ISO_8859_1);
      RequestHead head = reader.read(in);
      assertEquals(value, head.headers().get("X"));
      assertEquals("z", head.headers().get("Y"));
      assertEquals("NEXT", in.readUtf8());
    }
  }

  @Test
  void acceptsTabsAndObsTextAtEveryOffsetOfAWord() throws IOException {
    for (int offset = 0; offset < 17; offset++) {
      for (char c : new char[] {'\t', '\u0080', '\u00ff', '~', ' '}) {
        String value = "x" + "a".repeat(offset) + c + "b".repeat(20);
        Buffer in = new Buffer().writeString(
            "GET / HTTP/1.1\r\nHost: a\r\nX: " + value + "\r\n\r\n", StandardCharsets.ISO_8859_1);
        assertEquals(value, reader.read(in).headers().get("X"));
      }
    }
  }

  @Test
  void rejectsControlCharactersAtEveryOffsetOfAWord() {
    for (int offset = 0; offset < 17; offset++) {
      for (char c : new char[] {'\u0000', '\u0001', '\u001f', '\u007f', '\r', '\n', '\u000b'}) {
        String value = "x" + "a".repeat(offset) + c + "b".repeat(20);
        Buffer in = new Buffer().writeString(
            "GET / HTTP/1.1\r\nHost: a\r\nX: " + value + "\r\n\r\n", StandardCharsets.ISO_8859_1);
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> reader.read(in),
            "offset " + offset + " char " + (int) c);
        assertEquals(400, e.status().code());
      }
    }
  }
}
