package io.groundwire.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class FixedLengthSourceTest {
  @Test
  void readsExactlyTheDeclaredLengthAndLeavesTheRest() throws IOException {
    for (Function<byte[], BufferedSource> feed : Wire.feeds()) {
      BufferedSource in = feed.apply(Wire.latin1("helloNEXT"));
      FixedLengthSource body = new FixedLengthSource(in, 5);
      assertEquals("hello", Okio.buffer(body).readUtf8());
      assertTrue(body.isComplete());
      assertEquals("NEXT", in.readUtf8());
    }
  }

  @Test
  void zeroLengthReadsNothing() throws IOException {
    Buffer in = new Buffer().writeUtf8("x");
    assertEquals(-1, new FixedLengthSource(in, 0).read(new Buffer(), 10));
    assertEquals(1, in.size());
  }

  @Test
  void reportsBodyShorterThanDeclared() {
    EOFException e = assertThrows(EOFException.class,
        () -> Okio.buffer(new FixedLengthSource(new Buffer().writeUtf8("abc"), 10)).readByteArray());
    assertEquals("stream ended after 3 of the 10 bytes declared by Content-Length", e.getMessage());
  }

  @Test
  void refusesReadsAfterClose() {
    FixedLengthSource body = new FixedLengthSource(new Buffer().writeUtf8("abc"), 3);
    body.close();
    assertThrows(IllegalStateException.class, () -> body.read(new Buffer(), 1));
  }
}
