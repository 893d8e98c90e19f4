package io.groundwire.http.codec;

import static io.groundwire.http.codec.Wire.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class ChunkedSourceTest {
  /** Decodes the chunked wire fed in every way; checks body, trailers and what is left. */
  private static ChunkedSource decodeAllWays(String wire, String body, String rest) throws IOException {
    ChunkedSource last = null;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      BufferedSource in = feed.apply(latin1(wire));
      ChunkedSource chunked = new ChunkedSource(in, Limits.DEFAULTS);
      assertEquals(body, Okio.buffer(chunked).readString(StandardCharsets.ISO_8859_1));
      assertTrue(chunked.isComplete());
      assertEquals(rest, in.readString(StandardCharsets.ISO_8859_1));
      last = chunked;
    }
    return last;
  }

  private static int statusOf(String wire) {
    int status = -1;
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      ChunkedSource chunked = new ChunkedSource(feed.apply(latin1(wire)), Limits.DEFAULTS);
      HttpProtocolException e = assertThrows(HttpProtocolException.class,
          () -> Okio.buffer(chunked).readByteArray());
      if (status != -1) assertEquals(status, e.status().code());
      status = e.status().code();
    }
    return status;
  }

  @Test
  void decodesChunksAndStopsAfterTheLastOne() throws IOException {
    ChunkedSource source = decodeAllWays("5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\nNEXT", "hello, world", "NEXT");
    assertEquals(Headers.EMPTY, source.trailers());
    assertEquals(List.of(), source.extensions());
  }

  @Test
  void decodesUpperAndLowerCaseHexSizesWithLeadingZeros() throws IOException {
    String data = "x".repeat(0x1a);
    decodeAllWays("001A\r\n" + data + "\r\n1a\r\n" + data + "\r\n000\r\n\r\n", data + data, "");
  }

  @Test
  void parsesAndExposesChunkExtensions() throws IOException {
    ChunkedSource source = decodeAllWays(
        "3;name=value\r\nabc\r\n2 ; a ; b=\"q \\\" d\"\r\nde\r\n0;last\r\n\r\n", "abcde", "");
    assertEquals(List.of(";name=value", " ; a ; b=\"q \\\" d\"", ";last"), source.extensions());
  }

  @Test
  void exposesTrailersAfterTheEnd() throws IOException {
    ChunkedSource source = decodeAllWays(
        "2\r\nhi\r\n0\r\nChecksum: abc\r\nExpires: never\r\n\r\nrest", "hi", "rest");
    assertEquals(Headers.of("Checksum", "abc", "Expires", "never"), source.trailers());
  }

  @Test
  void trailersAreNotAvailableBeforeTheEnd() {
    ChunkedSource source = new ChunkedSource(new Buffer().writeUtf8("0\r\n\r\n"), Limits.DEFAULTS);
    assertThrows(IllegalStateException.class, source::trailers);
  }

  @Test
  void rejectsInvalidChunkSizes() {
    assertEquals(400, statusOf("-1\r\nx\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("g\r\nx\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("\r\nx\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("+5\r\nhello\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("0x5\r\nhello\r\n0\r\n\r\n"));
    assertEquals(400, statusOf(" 5\r\nhello\r\n0\r\n\r\n"));
  }

  @Test
  void rejectsOverflowingChunkSize() {
    assertEquals(400, statusOf("10000000000000000\r\nx\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("fffffffffffffffff\r\nx\r\n0\r\n\r\n"));
  }

  @Test
  void rejectsMissingCrlfAfterChunkData() {
    assertEquals(400, statusOf("3\r\nabcX\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("3\r\nabc\n0\r\n\r\n"));
  }

  @Test
  void rejectsBareLfAfterChunkSize() {
    assertEquals(400, statusOf("3\nabc\r\n0\r\n\r\n"));
  }

  @Test
  void rejectsMalformedExtensions() {
    assertEquals(400, statusOf("3;\r\nabc\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("3;a=\r\nabc\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("3;a=\"x\r\nabc\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("3 x\r\nabc\r\n0\r\n\r\n"));
    assertEquals(400, statusOf("3;a\u0000\r\nabc\r\n0\r\n\r\n"));
  }

  @Test
  void rejectsTooLargeExtensionsWith413() {
    String big = ";e=" + "x".repeat(5000);
    StringBuilder wire = new StringBuilder();
    for (int i = 0; i < 4; i++) wire.append("1").append(big).append("\r\nx\r\n");
    wire.append("0\r\n\r\n");
    assertEquals(413, statusOf(wire.toString()));
  }

  @Test
  void rejectsMalformedTrailersLikeHeaders() {
    assertEquals(400, statusOf("0\r\nX : y\r\n\r\n"));
    assertEquals(400, statusOf("0\r\nX: y\r\n  folded\r\n\r\n"));
    assertEquals(400, statusOf("0\r\nX: a\u0000\r\n\r\n"));
  }

  @Test
  void rejectsTooLargeTrailersWith431() {
    assertEquals(431, statusOf("0\r\nX: " + "y".repeat(9000) + "\r\n\r\n"));
  }

  @Test
  void reportsStreamEndingInsideAChunk() {
    EOFException e = assertThrows(EOFException.class, () -> Okio.buffer(
        new ChunkedSource(new Buffer().writeUtf8("5\r\nhel"), Limits.DEFAULTS)).readByteArray());
    assertTrue(e.getMessage().contains("2 bytes of a chunk missing"), e.getMessage());
  }

  @Test
  void reportsStreamEndingBeforeTheLastChunk() {
    for (String wire : new String[] {"", "5\r\nhello\r\n", "5\r\nhello", "5\r\nhello\r\n0\r\n", "0\r\nX: y\r\n"}) {
      assertThrows(EOFException.class, () -> Okio.buffer(
          new ChunkedSource(new Buffer().writeUtf8(wire), Limits.DEFAULTS)).readByteArray(), wire);
    }
  }
}
