package io.groundwire.http.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/** Test support: messages as text with CRLF line ends, fed whole, byte by byte or in random splits. */
final class Wire {
  private Wire() {}

  /** The text with every LF turned into CRLF, as on the wire (text blocks use LF). */
  static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }

  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The ways of feeding bytes to a reader: whole, one byte per read, and 20 random splits. */
  static List<Function<byte[], BufferedSource>> feeds() {
    List<Function<byte[], BufferedSource>> feeds = new ArrayList<>();
    feeds.add(bytes -> new Buffer().write(bytes));
    feeds.add(bytes -> Okio.buffer(new SplitSource(bytes, new Random(0), 1)));
    for (int seed = 1; seed <= 20; seed++) {
      int s = seed;
      feeds.add(bytes -> Okio.buffer(new SplitSource(bytes, new Random(s), 0)));
    }
    return feeds;
  }

  /** A source returning {@code fixed} bytes per read, or a random count when {@code fixed} is 0. */
  static final class SplitSource implements Source {
    private final byte[] bytes;
    private final Random random;
    private final int fixed;
    private int pos;

    SplitSource(byte[] bytes, Random random, int fixed) {
      this.bytes = bytes;
      this.random = random;
      this.fixed = fixed;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (pos == bytes.length) return -1;
      int n = fixed > 0 ? fixed : 1 + random.nextInt(Math.min(64, bytes.length - pos));
      n = (int) Math.min(Math.min(n, byteCount), bytes.length - pos);
      sink.write(bytes, pos, n);
      pos += n;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }
}
