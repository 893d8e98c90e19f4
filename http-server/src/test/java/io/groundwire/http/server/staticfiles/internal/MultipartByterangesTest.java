package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartByterangesTest {
  @TempDir Path temp;

  @Test
  void writesEachRangeAsAPartWithItsContentRangeAndExactLength() throws IOException {
    Path file = Files.writeString(temp.resolve("f.txt"), "0123456789abcdefghij");
    MultipartByteranges body = new MultipartByteranges(
        "BOUNDARY", "text/plain", 20, List.of(new ByteRange(0, 3), new ByteRange(15, 19)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileChannel channel = FileChannel.open(file)) {
      body.writeTo(channel, out);
    }
    String expected = """
        \r
        --BOUNDARY\r
        Content-Type: text/plain\r
        Content-Range: bytes 0-3/20\r
        \r
        0123\r
        --BOUNDARY\r
        Content-Type: text/plain\r
        Content-Range: bytes 15-19/20\r
        \r
        fghij\r
        --BOUNDARY--\r
        """;
    assertEquals(expected, out.toString(StandardCharsets.US_ASCII));
    assertEquals(expected.length(), body.contentLength());
    assertEquals("multipart/byteranges; boundary=BOUNDARY", body.contentType());
  }

  @Test
  void boundariesAreRandom() {
    assertEquals(32, MultipartByteranges.newBoundary().length());
    org.junit.jupiter.api.Assertions.assertNotEquals(
        MultipartByteranges.newBoundary(), MultipartByteranges.newBoundary());
  }
}
