package io.groundwire.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.Status;
import org.junit.jupiter.api.Test;

class FramingTest {
  private static Framing request(String... headers) throws HttpProtocolException {
    return Framing.forRequest(
        new RequestHead(Method.POST, "/", HttpVersion.HTTP_1_1, Headers.of(headers)));
  }

  private static int requestError(HttpVersion version, String... headers) {
    return assertThrows(HttpProtocolException.class, () -> Framing.forRequest(
        new RequestHead(Method.POST, "/", version, Headers.of(headers)))).status().code();
  }

  private static int requestError(String... headers) {
    return requestError(HttpVersion.HTTP_1_1, headers);
  }

  private static Framing response(Method method, int code, String... headers)
      throws HttpProtocolException {
    return Framing.forResponse(method,
        new ResponseHead(HttpVersion.HTTP_1_1, Status.of(code), Headers.of(headers)));
  }

  @Test
  void requestWithoutFramingHeadersHasNoBody() throws Exception {
    assertEquals(Framing.NONE, request("Host", "a"));
  }

  @Test
  void requestWithContentLengthIsFixed() throws Exception {
    assertEquals(Framing.fixed(42), request("Content-Length", "42"));
    assertEquals(Framing.fixed(0), request("content-length", "0"));
  }

  @Test
  void requestWithChunkedIsChunked() throws Exception {
    assertEquals(Framing.CHUNKED, request("Transfer-Encoding", "chunked"));
    assertEquals(Framing.CHUNKED, request("Transfer-Encoding", "Chunked"));
  }

  @Test
  void identicalDuplicateContentLengthsAreAccepted() throws Exception {
    assertEquals(Framing.fixed(5), request("Content-Length", "5", "Content-Length", "5"));
    assertEquals(Framing.fixed(5), request("Content-Length", "5, 5"));
    assertEquals(Framing.fixed(5), request("Content-Length", "5,05"));
  }

  @Test
  void differingDuplicateContentLengthsAreRejectedWith400() {
    assertEquals(400, requestError("Content-Length", "5", "Content-Length", "6"));
    assertEquals(400, requestError("Content-Length", "5, 6"));
  }

  @Test
  void invalidContentLengthIsRejectedWith400() {
    for (String value : new String[] {"-1", "+5", "5x", "0x10", "", "5,", " , ", "1 2", "1.0"}) {
      assertEquals(400, requestError("Content-Length", value), value);
    }
  }

  @Test
  void unrepresentableContentLengthIsRejectedWith413() {
    assertEquals(413, requestError("Content-Length", "99999999999999999999"));
  }

  @Test
  void contentLengthWithTransferEncodingIsRejectedWith400() {
    assertEquals(400, requestError("Content-Length", "5", "Transfer-Encoding", "chunked"));
    assertEquals(400, requestError("Transfer-Encoding", "chunked", "Content-Length", "0"));
  }

  @Test
  void transferCodingOtherThanChunkedIsRejectedWith501() {
    assertEquals(501, requestError("Transfer-Encoding", "gzip"));
    assertEquals(501, requestError("Transfer-Encoding", "gzip, chunked"));
  }

  @Test
  void chunkedThatIsNotTheFinalCodingIsRejectedWith400() {
    assertEquals(400, requestError("Transfer-Encoding", "chunked, gzip"));
    assertEquals(400, requestError("Transfer-Encoding", "chunked", "Transfer-Encoding", "identity"));
    assertEquals(400, requestError("Transfer-Encoding", "gzip, chunked, identity"));
  }

  @Test
  void chunkedTwiceOrEmptyTransferEncodingIsRejectedWith400() {
    assertEquals(400, requestError("Transfer-Encoding", "chunked, chunked"));
    assertEquals(400, requestError("Transfer-Encoding", ""));
  }

  @Test
  void transferEncodingInHttp10RequestIsRejectedWith400() {
    assertEquals(400, requestError(HttpVersion.HTTP_1_0, "Transfer-Encoding", "chunked"));
  }

  @Test
  void responsesWithoutBodyByMethodAndStatus() throws Exception {
    assertEquals(Framing.NONE, response(Method.HEAD, 200, "Content-Length", "10"));
    assertEquals(Framing.NONE, response(Method.GET, 100));
    assertEquals(Framing.NONE, response(Method.GET, 103, "Content-Length", "10"));
    assertEquals(Framing.NONE, response(Method.GET, 204));
    assertEquals(Framing.NONE, response(Method.GET, 304, "Content-Length", "10"));
    assertEquals(Framing.NONE, response(Method.CONNECT, 200));
  }

  @Test
  void failedConnectResponseHasABody() throws Exception {
    assertEquals(Framing.fixed(3), response(Method.CONNECT, 407, "Content-Length", "3"));
  }

  @Test
  void responseFramingByHeaders() throws Exception {
    assertEquals(Framing.CHUNKED, response(Method.GET, 200, "Transfer-Encoding", "gzip, chunked"));
    assertEquals(Framing.CLOSE_DELIMITED, response(Method.GET, 200, "Transfer-Encoding", "gzip"));
    assertEquals(Framing.CHUNKED,
        response(Method.GET, 200, "Transfer-Encoding", "chunked", "Content-Length", "3"));
    assertEquals(Framing.fixed(7), response(Method.POST, 201, "Content-Length", "7"));
    assertEquals(Framing.CLOSE_DELIMITED, response(Method.GET, 200));
  }

  @Test
  void invalidResponseContentLengthIsBadGateway() {
    HttpProtocolException e = assertThrows(HttpProtocolException.class,
        () -> response(Method.GET, 200, "Content-Length", "1", "Content-Length", "2"));
    assertEquals(502, e.status().code());
  }

  @Test
  void emptiness() {
    assertEquals(true, Framing.NONE.isEmpty());
    assertEquals(true, Framing.fixed(0).isEmpty());
    assertEquals(false, Framing.fixed(1).isEmpty());
    assertEquals(false, Framing.CHUNKED.isEmpty());
  }
}
