package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A large file arrives byte for byte, whole and in ranges. */
class LargeFileTest extends StaticFilesTestBase {
  private byte[] content() throws IOException {
    byte[] content = new byte[8 * 1024 * 1024 + 13];
    new Random(42).nextBytes(content);
    Files.write(root.resolve("big.bin"), content);
    return content;
  }

  @Test
  void wholeFileArrivesIntact() throws IOException {
    byte[] content = content();
    RawResponse response = get("/big.bin");
    assertEquals(200, response.status());
    assertEquals(String.valueOf(content.length), response.header("Content-Length"));
    assertArrayEquals(content, response.body());
  }

  @Test
  void rangeDeepInsideArrivesIntact() throws IOException {
    byte[] content = content();
    RawResponse response = get("/big.bin", "Range: bytes=5000000-7000000");
    assertEquals(206, response.status());
    assertArrayEquals(Arrays.copyOfRange(content, 5_000_000, 7_000_001), response.body());
  }
}
