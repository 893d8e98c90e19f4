package io.groundwire.http.codec;

import static io.groundwire.http.codec.Wire.crlf;
import static io.groundwire.http.codec.Wire.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import java.io.EOFException;
import java.io.IOException;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class RequestHeadReaderTest {
  private final RequestHeadReader reader = new RequestHeadReader();

  /** Parses the message fed in every way and checks each gives the same head and leaves the rest. */
  private RequestHead readAllWays(String wire, String expectedRest) throws IOException {
    RequestHead first = null;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      BufferedSource source = feed.apply(latin1(wire));
      RequestHead head = reader.read(source);
      if (first == null) first = head;
      assertEquals(first, head);
      assertEquals(expectedRest, source.readString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    return first;
  }

  private int statusOf(String wire) {
    int status = -1;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      HttpProtocolException e = assertThrows(HttpProtocolException.class,
          () -> reader.read(feed.apply(latin1(wire))));
      if (status != -1) assertEquals(status, e.status().code(), e.getMessage());
      status = e.status().code();
      assertTrue(e.closeConnection());
    }
    return status;
  }

  @Test
  void readsSimpleGet() throws IOException {
    RequestHead head = readAllWays(crlf("""
        GET /index.html?q=1 HTTP/1.1
        Host: example.com
        Accept: */*

        """), "");
    assertSame(Method.GET, head.method());
    assertEquals("/index.html?q=1", head.target());
    assertEquals(HttpVersion.HTTP_1_1, head.version());
    assertEquals(Headers.of("Host", "example.com", "Accept", "*/*"), head.headers());
    assertEquals("/index.html", head.rawPath());
    assertEquals("q=1", head.rawQuery());
  }

  @Test
  void leavesBodyAndPipelinedRequestInSource() throws IOException {
    String next = crlf("GET /b HTTP/1.1\nHost: a\n\n");
    RequestHead head = readAllWays(crlf("POST /a HTTP/1.1\nHost: a\nContent-Length: 5\n\n") + "hello" + next,
        "hello" + next);
    assertSame(Method.POST, head.method());
  }

  @Test
  void keepsRepeatedFieldsAndNameCase() throws IOException {
    RequestHead head = readAllWays(crlf("""
        GET / HTTP/1.1
        host: a
        X-Tag: one
        x-tag: two

        """), "");
    assertEquals(java.util.List.of("one", "two"), head.headers().values("X-TAG"));
    assertEquals("host", head.headers().name(0));
  }

  @Test
  void trimsOptionalWhitespaceAroundValues() throws IOException {
    RequestHead head = readAllWays(crlf("GET / HTTP/1.1\nHost:a\nX: \t v a l \t \nY:\n\n"), "");
    assertEquals("v a l", head.headers().get("X"));
    assertEquals("", head.headers().get("Y"));
    assertEquals("a", head.headers().get("Host"));
  }

  @Test
  void acceptsObsTextInValues() throws IOException {
    RequestHead head = readAllWays("GET / HTTP/1.1\r\nHost: a\r\nX: caf\u00e9\r\n\r\n", "");
    assertEquals("caf\u00e9", head.headers().get("X"));
  }

  @Test
  void skipsEmptyLinesBeforeRequestLine() throws IOException {
    RequestHead head = readAllWays("\r\n\r\n" + crlf("GET / HTTP/1.1\nHost: a\n\n"), "");
    assertEquals("/", head.target());
  }

  @Test
  void readsHttp10WithoutHost() throws IOException {
    RequestHead head = readAllWays(crlf("GET / HTTP/1.0\n\n"), "");
    assertEquals(HttpVersion.HTTP_1_0, head.version());
    assertTrue(head.headers().isEmpty());
  }

  @Test
  void treatsHigherMinorVersionAsHttp11() throws IOException {
    assertEquals(HttpVersion.HTTP_1_1, readAllWays(crlf("GET / HTTP/1.7\nHost: a\n\n"), "").version());
  }

  @Test
  void acceptsExtensionMethods() throws IOException {
    RequestHead head = readAllWays(crlf("PROPFIND /dav HTTP/1.1\nHost: a\n\n"), "");
    assertEquals("PROPFIND", head.method().name());
    assertSame(Method.DELETE, readAllWays(crlf("DELETE /x HTTP/1.1\nHost: a\n\n"), "").method());
  }

  @Test
  void acceptsAbsoluteFormAsteriskFormAndAuthorityForm() throws IOException {
    RequestHead absolute = readAllWays(crlf("GET http://h:8080/p?q HTTP/1.1\nHost: h:8080\n\n"), "");
    assertEquals("/p", absolute.rawPath());
    assertEquals("q", absolute.rawQuery());
    assertEquals("/", readAllWays(crlf("GET http://h HTTP/1.1\nHost: h\n\n"), "").rawPath());
    assertEquals("*", readAllWays(crlf("OPTIONS * HTTP/1.1\nHost: h\n\n"), "").target());
    assertEquals("h:443", readAllWays(crlf("CONNECT h:443 HTTP/1.1\nHost: h:443\n\n"), "").target());
    assertEquals("[::1]:80", readAllWays(crlf("GET / HTTP/1.1\nHost: [::1]:80\n\n"), "").headers().get("host"));
  }

  @Test
  void returnsNullOnCleanEndOfStream() throws IOException {
    assertNull(reader.read(new Buffer()));
    assertNull(reader.read(new Buffer().writeUtf8("\r\n")));
  }

  @Test
  void reportsEndOfStreamInsideHead() {
    for (String truncated : new String[] {"G", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"}) {
      for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
        assertThrows(EOFException.class, () -> reader.read(feed.apply(latin1(truncated))), truncated);
      }
    }
  }

  @Test
  void rejectsWhitespaceBeforeColon() {
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost : a\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\nX\t: b\n\n")));
  }

  @Test
  void rejectsObsFold() {
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\nX: b\n  c\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\n Host: a\n\n")));
  }

  @Test
  void rejectsBareCr() {
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n"));
    assertEquals(400, statusOf("GET /\r HTTP/1.1\r\nHost: a\r\n\r\n"));
    assertEquals(400, statusOf("\rGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  }

  @Test
  void rejectsBareLfLineEnds() {
    assertEquals(400, statusOf("GET / HTTP/1.1\nHost: a\r\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\n\n"));
    assertEquals(400, statusOf("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  }

  @Test
  void rejectsNulAndControlCharactersInValues() {
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: a\u0001b\r\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nX: a\u007fb\r\n\r\n"));
  }

  @Test
  void rejectsInvalidFieldNames() {
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\nX(y): b\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\n: b\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\nNoColon\n\n")));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\nX\u0000: b\r\n\r\n"));
  }

  @Test
  void rejectsMalformedRequestLines() {
    assertEquals(400, statusOf(crlf("GET  / HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1 \nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET /\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("G(T / HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf(" GET / HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET /a\tb HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf("GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n"));
    assertEquals(400, statusOf(crlf("GET /#frag HTTP/1.1\nHost: a\n\n")));
  }

  @Test
  void rejectsMalformedVersionWith400() {
    assertEquals(400, statusOf(crlf("GET / http/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.10\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/x.1\nHost: a\n\n")));
  }

  @Test
  void rejectsUnsupportedVersionWith505() {
    assertEquals(505, statusOf(crlf("GET / HTTP/2.0\nHost: a\n\n")));
    assertEquals(505, statusOf(crlf("GET / HTTP/3.0\nHost: a\n\n")));
    assertEquals(505, statusOf(crlf("PRI * HTTP/2.0\n\nSM\n\n")));
    assertEquals(505, statusOf(crlf("GET / HTTP/0.9\nHost: a\n\n")));
  }

  @Test
  void rejectsTargetsInTheWrongForm() {
    assertEquals(400, statusOf(crlf("GET * HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("CONNECT /x HTTP/1.1\nHost: a\n\n")));
    assertEquals(400, statusOf(crlf("GET x HTTP/1.1\nHost: a\n\n")));
  }

  /**
   * The status for {@code sent} when no more bytes will come soon: reading past them fails the
   * test, as a reader that waits for the rest of a head would make a client wait.
   */
  private int statusWithoutWaiting(byte[] sent) {
    okio.Source stalls = new okio.Source() {
      private boolean given;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (given) {
          throw new AssertionError("the reader waited for more than " + sent.length + " bytes");
        }
        given = true;
        sink.write(sent);
        return sent.length;
      }

      @Override
      public okio.Timeout timeout() {
        return okio.Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    return assertThrows(HttpProtocolException.class, () -> reader.read(okio.Okio.buffer(stalls))).status().code();
  }

  @Test
  void rejectsABadRequestLineBeforeTheFieldsArrive() {
    assertEquals(400, statusWithoutWaiting(latin1("GET / HTTP/1.1 x\r\nHost: x\r\n")));
    assertEquals(400, statusWithoutWaiting(latin1("\u0000GET / HTTP/1.1\r\n")));
    assertEquals(400, statusWithoutWaiting(latin1("GET x HTTP/1.1\r\n")));
    assertEquals(400, statusWithoutWaiting(latin1("   \r\n")));
  }

  @Test
  void anErrorInTheFieldsCarriesTheRequestLine() {
    HttpProtocolException e = assertThrows(HttpProtocolException.class,
        () -> reader.read(new Buffer().writeUtf8(crlf("HEAD /x HTTP/1.1\nBad Header: 1\n\n"))));
    assertEquals("HEAD /x HTTP/1.1", e.requestLine());
    HttpProtocolException inTheLine = assertThrows(HttpProtocolException.class,
        () -> reader.read(new Buffer().writeUtf8(crlf("GET /x HTTP/1.1 x\nHost: a\n\n"))));
    assertNull(inTheLine.requestLine());
  }

  @Test
  void rejectsTlsOnThePlainPortAtItsFirstByte() {
    byte[] clientHello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
    assertEquals(400, statusWithoutWaiting(clientHello));
    HttpProtocolException e = assertThrows(HttpProtocolException.class,
        () -> reader.read(new Buffer().write(clientHello)));
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());
  }

  @Test
  void rejectsAbsoluteFormWithABadAuthority() throws IOException {
    for (String target : new String[] {"http://x:abc/", "http://[::1/", "http://u:p@x/", "http://x\\@evil/",
        "http:///p", "http://:80/", "https:x/", "HTTP://a^b/", "http://[::1]x/"}) {
      assertEquals(400, statusOf(crlf("GET " + target + " HTTP/1.1\nHost: x\n\n")), target);
    }
    assertEquals("/p", readAllWays(crlf("GET HTTPS://[::1]:8443/p HTTP/1.1\nHost: x\n\n"), "").rawPath());
    assertEquals("/", readAllWays(crlf("GET http://x.example?q HTTP/1.1\nHost: x\n\n"), "").rawPath());
  }

  @Test
  void rejectsHttp11WithoutExactlyOneValidHost() throws IOException {
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a\nHost: b\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a/b\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a:x\n\n")));
    assertEquals(400, statusOf(crlf("GET / HTTP/1.1\nHost: a:65536\n\n")));
    assertEquals("a:65535", readAllWays(crlf("GET / HTTP/1.1\nHost: a:65535\n\n"), "").headers().get("Host"));
  }

  @Test
  void rejectsTooLongRequestLineWith414() {
    String target = "/" + "a".repeat(8192);
    assertEquals(414, statusOf(crlf("GET " + target + " HTTP/1.1\nHost: a\n\n")));
  }

  @Test
  void acceptsRequestLineAtTheLimit() throws IOException {
    String line = "GET /" + "a".repeat(8192 - 14) + " HTTP/1.1";
    assertEquals(8192, line.length());
    assertEquals(8192 - 13, readAllWays(crlf(line + "\nHost: a\n\n"), "").target().length());
  }

  @Test
  void rejectsTooLargeHeaderSectionWith431() {
    assertEquals(431, statusOf(crlf("GET / HTTP/1.1\nHost: a\nX: " + "v".repeat(8200) + "\n\n")));
    assertEquals(431, statusOf(crlf("GET / HTTP/1.1\nHost: a\n" + "X: 1\n".repeat(2000) + "\n")));
  }

  @Test
  void rejectsTooManyFieldsWith431() {
    assertEquals(431, statusOf(crlf("GET / HTTP/1.1\nHost: a\n" + "X: 1\n".repeat(100) + "\n")));
  }

  @Test
  void acceptsExactlyTheMaximumFieldCount() throws IOException {
    RequestHead head = readAllWays(crlf("GET / HTTP/1.1\nHost: a\n" + "X: 1\n".repeat(99) + "\n"), "");
    assertEquals(100, head.headers().size());
  }

  @Test
  void appliesCustomLimits() throws IOException {
    RequestHeadReader small = new RequestHeadReader(Limits.builder().maxHeaderCount(1).build());
    HttpProtocolException e = assertThrows(HttpProtocolException.class,
        () -> small.read(new Buffer().writeUtf8(crlf("GET / HTTP/1.1\nHost: a\nX: 1\n\n"))));
    assertEquals(431, e.status().code());
  }

  @Test
  void rejectsEndlessEmptyLinesBeforeRequestLine() {
    assertEquals(400, statusOf("\r\n".repeat(5000) + crlf("GET / HTTP/1.1\nHost: a\n\n")));
  }

  @Test
  void decidesKeepAliveAndExpectContinue() throws IOException {
    assertTrue(readAllWays(crlf("GET / HTTP/1.1\nHost: a\n\n"), "").keepAlive());
    assertTrue(!readAllWays(crlf("GET / HTTP/1.1\nHost: a\nConnection: foo, Close\n\n"), "").keepAlive());
    assertTrue(!readAllWays(crlf("GET / HTTP/1.0\n\n"), "").keepAlive());
    assertTrue(readAllWays(crlf("GET / HTTP/1.0\nConnection: Keep-Alive\n\n"), "").keepAlive());
    assertTrue(readAllWays(crlf("PUT / HTTP/1.1\nHost: a\nExpect: 100-Continue\n\n"), "").expectsContinue());
  }
}
