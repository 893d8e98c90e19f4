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

  @Test
  void filesAroundTheCopiedFirstPartArriveIntact() throws IOException {
    Random random = new Random(7);
    for (int size : new int[] {32 * 1024, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024}) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      Files.write(root.resolve("f" + size + ".bin"), content);
      RawResponse whole = get("/f" + size + ".bin");
      assertEquals(200, whole.status());
      assertArrayEquals(content, whole.body(), "size " + size);
      RawResponse tail = get("/f" + size + ".bin", "Range: bytes=100-");
      assertEquals(206, tail.status());
      assertArrayEquals(Arrays.copyOfRange(content, 100, size), tail.body(), "range of size " + size);
    }
  }
}
