package io.groundwire.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groundwire.http.Headers;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Random;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

class SinksTest {
  @Test
  void fixedLengthSinkWritesExactlyTheDeclaredBytes() throws IOException {
    Buffer out = new Buffer();
    FixedLengthSink sink = new FixedLengthSink(out, 5);
    sink.write(new Buffer().writeUtf8("hel"), 3);
    sink.write(new Buffer().writeUtf8("lo"), 2);
    sink.close();
    assertEquals("hello", out.readUtf8());
  }

  @Test
  void fixedLengthSinkRefusesMoreThanDeclaredWithoutWritingIt() throws IOException {
    Buffer out = new Buffer();
    FixedLengthSink sink = new FixedLengthSink(out, 3);
    sink.write(new Buffer().writeUtf8("ab"), 2);
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> sink.write(new Buffer().writeUtf8("cd"), 2));
    assertEquals("body exceeds its Content-Length of 3 bytes: 4 bytes written", e.getMessage());
    assertEquals("ab", out.readUtf8());
  }

  @Test
  void fixedLengthSinkRefusesToCloseShort() throws IOException {
    FixedLengthSink sink = new FixedLengthSink(new Buffer(), 3);
    sink.write(new Buffer().writeUtf8("a"), 1);
    ProtocolException e = assertThrows(ProtocolException.class, sink::close);
    assertEquals("body ended after 1 of the 3 bytes declared by Content-Length", e.getMessage());
  }

  @Test
  void chunkedSinkWritesChunksAndLastChunk() throws IOException {
    Buffer out = new Buffer();
    ChunkedSink sink = new ChunkedSink(out);
    sink.write(new Buffer().writeUtf8("hello"), 5);
    sink.write(new Buffer(), 0);
    sink.write(new Buffer().writeUtf8("x".repeat(26)), 26);
    sink.close();
    sink.close();
    assertEquals("5\r\nhello\r\n1a\r\n" + "x".repeat(26) + "\r\n0\r\n\r\n", out.readUtf8());
  }

  @Test
  void chunkedSinkWritesTrailers() throws IOException {
    Buffer out = new Buffer();
    ChunkedSink sink = new ChunkedSink(out);
    sink.write(new Buffer().writeUtf8("hi"), 2);
    sink.finish(Headers.of("Checksum", "abc"));
    assertEquals("2\r\nhi\r\n0\r\nChecksum: abc\r\n\r\n", out.readUtf8());
  }

  @Test
  void chunkedRoundTripOfALargeRandomBody() throws IOException {
    byte[] body = new byte[300_000];
    new Random(7).nextBytes(body);
    Buffer wire = new Buffer();
    ChunkedSink chunked = new ChunkedSink(wire);
    try (BufferedSink sink = Okio.buffer(chunked)) {
      sink.write(body);
    }
    wire.writeUtf8("NEXT");
    ChunkedSource source = new ChunkedSource(wire, Limits.DEFAULTS);
    assertEquals(okio.ByteString.of(body), Okio.buffer(source).readByteString());
    assertEquals("NEXT", wire.readUtf8());
  }
}
