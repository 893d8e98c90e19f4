package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Single byte ranges (RFC 9110 §14): 206, suffix ranges, 416, If-Range. */
class ByteRangeTest extends StaticFilesTestBase {
  @Test
  void advertisesByteRanges() throws IOException {
    assertEquals("bytes", get("/digits.txt").header("Accept-Ranges"));
  }

  @Test
  void servesASingleRangeWith206() throws IOException {
    RawResponse response = server.exchange("""
        GET /digits.txt HTTP/1.1
        Host: localhost
        Range: bytes=10-14
        Connection: close

        """);
    assertEquals(206, response.status());
    assertEquals("bytes 10-14/100", response.header("Content-Range"));
    assertEquals("5", response.header("Content-Length"));
    assertEquals("01234", response.bodyText());
  }

  @Test
  void servesASuffixRange() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=-3");
    assertEquals(206, response.status());
    assertEquals("bytes 97-99/100", response.header("Content-Range"));
    assertEquals("789", response.bodyText());
  }

  @Test
  void servesAnOpenRangeToTheEnd() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=95-");
    assertEquals("bytes 95-99/100", response.header("Content-Range"));
    assertEquals("56789", response.bodyText());
  }

  @Test
  void unsatisfiableRangeIsAnsweredWith416AndTheLength() throws IOException {
    RawResponse response = server.exchange("""
        GET /digits.txt HTTP/1.1
        Host: localhost
        Range: bytes=100-200
        Connection: close

        """);
    assertEquals(416, response.status());
    assertEquals("bytes */100", response.header("Content-Range"));
  }

  @Test
  void invalidRangeIsIgnored() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=9-3");
    assertEquals(200, response.status());
    assertEquals(DIGITS, response.bodyText());
  }

  @Test
  void ifRangeWithCurrentEtagHonoursTheRange() throws IOException {
    String etag = get("/digits.txt").header("ETag");
    RawResponse response = get("/digits.txt", "Range: bytes=0-1", "If-Range: " + etag);
    assertEquals(206, response.status());
    assertEquals("01", response.bodyText());
  }

  @Test
  void ifRangeWithStaleEtagSendsTheWholeFile() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=0-1", "If-Range: \"stale\"");
    assertEquals(200, response.status());
    assertEquals(DIGITS, response.bodyText());
  }

  @Test
  void ifRangeWithLastModifiedDateHonoursTheRange() throws IOException {
    RawResponse response = get("/digits.txt", "Range: bytes=0-1", "If-Range: Wed, 01 May 2024 10:00:00 GMT");
    assertEquals(206, response.status());
  }

  @Test
  void headIgnoresRange() throws IOException {
    RawResponse response = server.exchange("""
        HEAD /digits.txt HTTP/1.1
        Host: localhost
        Range: bytes=0-1
        Connection: close

        """);
    assertEquals(200, response.status());
    assertEquals("100", response.header("Content-Length"));
    assertEquals(0, response.body().length);
  }
}
