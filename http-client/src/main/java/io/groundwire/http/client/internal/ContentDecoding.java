package io.groundwire.http.client.internal;

import io.groundwire.http.client.MalformedResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.Inflater;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.InflaterSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * Transparent decoding of {@code Content-Encoding: gzip} and {@code deflate} (RFC 9110 §8.4.1).
 * {@code deflate} is meant to be the zlib format, but some servers send raw DEFLATE; the first two
 * bytes tell them apart (RFC 1950 §2.2: CM = 8 and the header is a multiple of 31).
 */
final class ContentDecoding {
  private ContentDecoding() {}

  /** True when this client can decode the coding (case-insensitive). */
  static boolean supports(String contentEncoding) {
    return contentEncoding != null
        && (contentEncoding.equalsIgnoreCase("gzip")
            || contentEncoding.equalsIgnoreCase("x-gzip")
            || contentEncoding.equalsIgnoreCase("deflate"));
  }

  /**
   * A source producing the decoded bytes of {@code encoded}. Bytes that do not decode fail with
   * {@link MalformedResponseException} naming the coding; failures of {@code encoded} itself (a
   * timeout, a truncated body) pass through unchanged.
   */
  static Source decode(String contentEncoding, BufferedSource encoded) {
    BufferedSource marked = Okio.buffer(new Marked(encoded));
    Source decoder = contentEncoding.equalsIgnoreCase("deflate") ? new LazyDeflate(marked) : new GzipSource(marked);
    return new Decoded(decoder, contentEncoding.toLowerCase(Locale.ROOT));
  }

  /** What {@code encoded} itself threw, carried through the decoder to be rethrown as it was. */
  private static final class EncodedFailure extends IOException {
    private static final long serialVersionUID = 1L;

    EncodedFailure(IOException cause) {
      super(cause);
    }
  }

  /** Marks the failures of the encoded bytes' source, so they are told apart from decoding errors. */
  private static final class Marked extends ForwardingSource {
    Marked(Source encoded) {
      super(encoded);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      try {
        return super.read(sink, byteCount);
      } catch (IOException e) {
        throw new EncodedFailure(e);
      }
    }
  }

  /** Turns what the decoder throws into the client's typed exception. */
  private static final class Decoded extends ForwardingSource {
    private final String coding;

    Decoded(Source decoder, String coding) {
      super(decoder);
      this.coding = coding;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      try {
        return super.read(sink, byteCount);
      } catch (EncodedFailure e) {
        throw (IOException) e.getCause();
      } catch (IOException e) {
        // The body ended where its framing said, but the compressed stream had not.
        String why = e instanceof EOFException ? "the body ends inside the compressed data"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new MalformedResponseException("the " + coding + " body does not decode: " + why, e);
      }
    }
  }

  /** Decides zlib versus raw DEFLATE on the first read, when the first bytes are there. */
  private static final class LazyDeflate implements Source {
    private final BufferedSource encoded;
    private Source inflating;

    LazyDeflate(BufferedSource encoded) {
      this.encoded = encoded;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (inflating == null) {
        boolean zlib = false;
        if (encoded.request(2)) {
          int cmf = encoded.getBuffer().getByte(0) & 0xFF;
          int flg = encoded.getBuffer().getByte(1) & 0xFF;
          zlib = (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
        }
        inflating = new InflaterSource(encoded, new Inflater(!zlib));
      }
      long n = inflating.read(sink, byteCount);
      if (n == -1 && !encoded.exhausted()) {
        // RFC 1950/1951: nothing may follow the compressed data; reaching the end also frees the connection
        throw new java.net.ProtocolException("unexpected bytes after the end of the deflate stream");
      }
      return n;
    }

    @Override
    public Timeout timeout() {
      return encoded.timeout();
    }

    @Override
    public void close() throws IOException {
      if (inflating != null) {
        inflating.close();
      } else {
        encoded.close();
      }
    }
  }

  /** Buffers a source; here so callers need not import Okio. */
  static BufferedSource buffer(Source source) {
    return Okio.buffer(source);
  }
}
