package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Several ranges in one request: multipart/byteranges (RFC 9110 §14.6), coalescing, limits. */
class MultipleRangesTest extends StaticFilesTestBase {
  @Override
  StaticFiles handler() {
    return StaticFiles.root(root).maxRanges(4).build();
  }

  @Test
  void servesSeveralRangesAsMultipartByteranges() throws IOException {
    RawResponse response = server.exchange("""
        GET /digits.txt HTTP/1.1
        Host: localhost
        Range: bytes=0-2, 50-52
        Connection: close

        """);
    assertEquals(206, response.status());
    String contentType = response.header("Content-Type");
    assertTrue(contentType.startsWith("multipart/byteranges; boundary="), contentType);
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    String expected = """
        \r
        --%1$s\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Range: bytes 0-2/100\r
        \r
        012\r
        --%1$s\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Range: bytes 50-52/100\r
        \r
        012\r
        --%1$s--\r
        """.formatted(boundary);
    assertEquals(expected, response.bodyText());
    assertEquals(String.valueOf(expected.length()), response.header("Content-Length"));
  }

  @Test
  void overlappingRangesAreCoalescedIntoOne() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=20-29,0-9,5-24");
    assertEquals(206, response.status());
    assertEquals("bytes 0-29/100", response.header("Content-Range"));
    assertEquals(DIGITS.substring(0, 30), response.bodyText());
  }

  @Test
  void tooManyRangesAreIgnoredAndTheWholeFileIsSent() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=0-0,2-2,4-4,6-6,8-8");
    assertEquals(200, response.status());
    assertEquals(DIGITS, response.bodyText());
  }
}
