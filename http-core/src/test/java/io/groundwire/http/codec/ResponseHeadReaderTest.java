package io.groundwire.http.codec;

import static io.groundwire.http.codec.Wire.crlf;
import static io.groundwire.http.codec.Wire.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Status;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class ResponseHeadReaderTest {
  private final ResponseHeadReader reader = new ResponseHeadReader();

  private ResponseHead readAllWays(String wire, String expectedRest) throws IOException {
    ResponseHead first = null;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      BufferedSource source = feed.apply(latin1(wire));
      ResponseHead head = reader.read(source);
      if (first == null) first = head;
      assertEquals(first, head);
      assertEquals(expectedRest, source.readString(StandardCharsets.ISO_8859_1));
    }
    return first;
  }

  private String errorOf(String wire) {
    String message = null;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      HttpProtocolException e = assertThrows(HttpProtocolException.class,
          () -> reader.read(feed.apply(latin1(wire))));
      assertEquals(502, e.status().code());
      message = e.getMessage();
    }
    return message;
  }

  @Test
  void readsStatusLineAndHeadersAndLeavesBody() throws IOException {
    ResponseHead head = readAllWays(crlf("""
        HTTP/1.1 200 OK
        Content-Type: text/plain
        Content-Length: 5

        """) + "hello", "hello");
    assertEquals(HttpVersion.HTTP_1_1, head.version());
    assertEquals(Status.OK, head.status());
    assertEquals("OK", head.reason());
    assertEquals(Headers.of("Content-Type", "text/plain", "Content-Length", "5"), head.headers());
  }

  @Test
  void keepsCustomReasonAndUnknownCodes() throws IOException {
    ResponseHead head = readAllWays(crlf("HTTP/1.0 299 Very Fine\n\n"), "");
    assertEquals(299, head.status().code());
    assertEquals("Very Fine", head.reason());
    assertEquals(HttpVersion.HTTP_1_0, head.version());
  }

  @Test
  void toleratesMissingOrEmptyReasonPhrase() throws IOException {
    assertEquals("", readAllWays(crlf("HTTP/1.1 204\n\n"), "").reason());
    assertEquals("", readAllWays(crlf("HTTP/1.1 204 \n\n"), "").reason());
  }

  @Test
  void readsInterimResponsesOneAtATime() throws IOException {
    Buffer in = new Buffer().writeUtf8(crlf("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"));
    assertEquals(Status.CONTINUE, reader.read(in).status());
    assertEquals(Status.OK, reader.read(in).status());
    assertNull(reader.read(in));
  }

  @Test
  void returnsNullWhenTheStreamEndsBeforeAnyByte() throws IOException {
    assertNull(reader.read(new Buffer()));
  }

  @Test
  void reportsStreamEndingInsideTheHead() {
    assertThrows(EOFException.class, () -> reader.read(new Buffer().writeUtf8("HTTP/1.1 200 O")));
    assertThrows(EOFException.class, () -> reader.read(new Buffer().writeUtf8("HTTP/1.1 200 OK\r\nA: b\r\n")));
  }

  @Test
  void rejectsMalformedStatusLines() {
    assertTrue(errorOf(crlf("HTTP/1.1 20 OK\n\n")).startsWith("malformed status line"));
    errorOf(crlf("HTTP/1.1 2000 OK\n\n"));
    errorOf(crlf("HTTP/1.1  200 OK\n\n"));
    errorOf(crlf("http/1.1 200 OK\n\n"));
    errorOf(crlf("ICY 200 OK\n\n"));
    errorOf(crlf("HTTP/1.1 099 Low\n\n"));
    errorOf(crlf("<html>\n\n"));
    errorOf("HTTP/1.1 200 O\u0000K\r\n\r\n");
    errorOf("HTTP/1.1 200 OK\nA: b\r\n\r\n");
  }

  @Test
  void rejectsOtherMajorVersions() {
    assertTrue(errorOf(crlf("HTTP/2.0 200 OK\n\n")).contains("unsupported HTTP version"));
  }

  @Test
  void rejectsMalformedFields() {
    errorOf(crlf("HTTP/1.1 200 OK\nA : b\n\n"));
    errorOf("HTTP/1.1 200 OK\r\nA: b\rc\r\n\r\n");
    errorOf(crlf("HTTP/1.1 200 OK\nA: b\n c\u0000\n\n"));
  }

  @Test
  void unfoldsObsoleteLineFoldingIntoOneSpaceAsAUserAgentMust() throws IOException {
    ResponseHead head = readAllWays(crlf("HTTP/1.1 200 OK\nX-Long: a\n  b\n\tc \nEmpty:\n d\nY: 1\n \n\n"), "");
    assertEquals(Headers.of("X-Long", "a b c", "Empty", "d", "Y", "1"), head.headers());
  }

  @Test
  void rejectsAFoldBeforeAnyField() {
    assertTrue(errorOf(crlf("HTTP/1.1 200 OK\n folded: x\n\n")).contains("folding"));
  }

  @Test
  void rejectsOversizedHeaders() {
    ResponseHeadReader small = new ResponseHeadReader(Limits.DEFAULTS);
    HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> small.read(
        new Buffer().writeUtf8(crlf("HTTP/1.1 200 OK\nSet-Cookie: " + "c".repeat(9000) + "\n\n"))));
    assertEquals(502, e.status().code());
  }

  @Test
  void acceptsLargeHeadersWithinResponseDefaults() throws IOException {
    String cookie = "c".repeat(100_000);
    assertEquals(cookie, readAllWays(crlf("HTTP/1.1 200 OK\nSet-Cookie: " + cookie + "\n\n"), "")
        .headers().get("set-cookie"));
  }

  @Test
  void decidesKeepAlive() throws IOException {
    assertTrue(readAllWays(crlf("HTTP/1.1 200 OK\n\n"), "").keepAlive());
    assertFalse(readAllWays(crlf("HTTP/1.1 200 OK\nConnection: close\n\n"), "").keepAlive());
    assertFalse(readAllWays(crlf("HTTP/1.0 200 OK\n\n"), "").keepAlive());
    assertTrue(readAllWays(crlf("HTTP/1.0 200 OK\nConnection: keep-alive\n\n"), "").keepAlive());
  }
}
