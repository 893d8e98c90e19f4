package io.groundwire.http.codec;

import static io.groundwire.http.codec.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class HeadWriterTest {
  @Test
  void writesRequestHead() throws IOException {
    Buffer out = new Buffer();
    HeadWriter.write(out, new RequestHead(Method.GET, "/a?b=c", HttpVersion.HTTP_1_1,
        Headers.of("Host", "example.com", "Accept", "*/*")));
    assertEquals(crlf("""
        GET /a?b=c HTTP/1.1
        Host: example.com
        Accept: */*

        """), out.readUtf8());
  }

  @Test
  void writesResponseHeadWithStandardOrCustomReason() throws IOException {
    Buffer out = new Buffer();
    HeadWriter.write(out, new ResponseHead(HttpVersion.HTTP_1_1, Status.NOT_FOUND,
        Headers.of("Content-Length", "0")));
    HeadWriter.write(out, new ResponseHead(HttpVersion.HTTP_1_0, Status.of(599), "", Headers.EMPTY));
    HeadWriter.write(out, new ResponseHead(HttpVersion.HTTP_1_1, Status.OK, "Fine", Headers.EMPTY));
    assertEquals(crlf("HTTP/1.1 404 Not Found\nContent-Length: 0\n\nHTTP/1.0 599 \n\nHTTP/1.1 200 Fine\n\n"),
        out.readUtf8());
  }

  @Test
  void writesLatin1ValuesAsSingleBytes() throws IOException {
    Buffer out = new Buffer();
    HeadWriter.write(out, new ResponseHead(HttpVersion.HTTP_1_1, Status.OK, Headers.of("X", "caf\u00e9")));
    assertEquals("HTTP/1.1 200 OK\r\nX: caf\u00e9\r\n\r\n", out.readString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void writtenHeadsReadBackEqual() throws IOException {
    RequestHead request = new RequestHead(Method.of("PATCH"), "/x", HttpVersion.HTTP_1_1,
        Headers.of("Host", "h", "X", "1", "x", "2"));
    ResponseHead response = new ResponseHead(HttpVersion.HTTP_1_1, Status.CREATED,
        Headers.of("Location", "/x/1"));
    Buffer wire = new Buffer();
    HeadWriter.write(wire, request);
    HeadWriter.write(wire, response);
    assertEquals(request, new RequestHeadReader().read(wire));
    assertEquals(response, new ResponseHeadReader().read(wire));
  }

  @Test
  void refusesTargetsThatWouldBreakTheRequestLine() {
    for (String target : new String[] {"", "/a b", "/a\r\nX: y", "/caf\u00e9", "/\u0000"}) {
      assertThrows(IllegalArgumentException.class, () -> HeadWriter.write(new Buffer(),
          new RequestHead(Method.GET, target, HttpVersion.HTTP_1_1, Headers.EMPTY)), target);
    }
  }

  @Test
  void refusesReasonPhrasesThatWouldInjectFields() {
    assertThrows(IllegalArgumentException.class, () -> HeadWriter.write(new Buffer(),
        new ResponseHead(HttpVersion.HTTP_1_1, Status.OK, "OK\r\nSet-Cookie: x", Headers.EMPTY)));
  }

  @Test
  void writesTrailerSection() throws IOException {
    Buffer out = new Buffer();
    HeadWriter.writeFields(out, Headers.of("Checksum", "1"));
    HeadWriter.writeFields(out, Headers.EMPTY);
    assertEquals("Checksum: 1\r\n\r\n\r\n", out.readUtf8());
  }
}
