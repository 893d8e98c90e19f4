package io.groundwire.http.client;

import io.groundwire.http.Headers;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okio.BufferedSource;

/**
 * The body of a {@link Response}, streamed from the connection and readable once: as a stream
 * ({@link #byteStream()}, {@link #source()}), as bytes or as text. Reading it to the end returns
 * the connection to the pool; {@link #close()} before the end closes the connection. A body that
 * is garbage-collected without being closed is logged as a leak.
 *
 * <p>Read failures are typed: {@link TruncatedBodyException} when the connection ends early,
 * {@link MalformedResponseException} for a bad chunk or bytes that do not decode (gzip, deflate),
 * {@link ReadTimeoutException} and {@link CallTimeoutException} for time limits.
 */
public final class ResponseBody implements Closeable {
  private final String contentType;
  private final long contentLength;
  private final BufferedSource source;
  private final Supplier<Headers> trailers;
  private final Supplier<List<String>> chunkExtensions;
  private final BooleanSupplier abortIfReadElsewhere;

  /**
   * A body; built by the client. {@code trailers} is asked only once the body is consumed;
   * {@code chunkExtensions} whenever the caller asks.
   */
  public ResponseBody(String contentType, long contentLength, BufferedSource source, Supplier<Headers> trailers,
      Supplier<List<String>> chunkExtensions) {
    this(contentType, contentLength, source, trailers, chunkExtensions, () -> false);
  }

  /**
   * A body whose {@link #close()} first asks {@code abortIfReadElsewhere}: when that returns true,
   * another thread is reading the body and the connection under it has been closed, so the
   * buffers are left to that thread (Okio buffers are not thread-safe) and its read fails.
   *
   * @throws NullPointerException if {@code source}, {@code trailers}, {@code chunkExtensions} or
   *     {@code abortIfReadElsewhere} is null
   */
  public ResponseBody(String contentType, long contentLength, BufferedSource source, Supplier<Headers> trailers,
      Supplier<List<String>> chunkExtensions, BooleanSupplier abortIfReadElsewhere) {
    this.contentType = contentType;
    this.contentLength = contentLength;
    this.source = java.util.Objects.requireNonNull(source, "source");
    this.trailers = java.util.Objects.requireNonNull(trailers, "trailers");
    this.chunkExtensions = java.util.Objects.requireNonNull(chunkExtensions, "chunkExtensions");
    this.abortIfReadElsewhere = java.util.Objects.requireNonNull(abortIfReadElsewhere, "abortIfReadElsewhere");
  }

  /** The {@code Content-Type} value, or {@code null}. */
  public String contentType() {
    return contentType;
  }

  /** The number of (decoded) bytes if known in advance, otherwise -1. */
  public long contentLength() {
    return contentLength;
  }

  /** The body as an Okio source. */
  public BufferedSource source() {
    return source;
  }

  /**
   * The body as an input stream; closing it closes the body. Unlike Okio's own stream, a read of
   * zero bytes returns at once (as {@link InputStream} specifies) instead of waiting for data,
   * so {@code readNBytes(n)} returns as soon as {@code n} bytes are there.
   */
  public InputStream byteStream() {
    InputStream okio = source.inputStream();
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return okio.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : okio.read(b, off, len);
      }

      @Override
      public int available() throws IOException {
        return okio.available();
      }

      @Override
      public void close() throws IOException {
        if (!abortIfReadElsewhere.getAsBoolean()) {
          okio.close();
        }
      }
    };
  }

  /** Reads the whole body into memory and closes it. */
  public byte[] bytes() throws IOException {
    try (this) {
      return source.readByteArray();
    }
  }

  /** Reads the whole body as text in the charset of its {@code Content-Type} (UTF-8 if none) and closes it. */
  public String string() throws IOException {
    try (this) {
      return source.readString(charset());
    }
  }

  /** The charset named by {@code Content-Type}, or UTF-8. */
  public Charset charset() {
    if (contentType != null) {
      String lower = contentType.toLowerCase(Locale.ROOT);
      int at = lower.indexOf("charset=");
      if (at >= 0) {
        int end = lower.indexOf(';', at);
        String name = contentType.substring(at + 8, end < 0 ? lower.length() : end).strip();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1);
        }
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8; // an unknown charset: read as UTF-8 rather than fail
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * The trailer fields of a chunked body (RFC 9112 §7.1.2), available once the body has been read
   * to its end; empty for other framings.
   *
   * @throws IllegalStateException if the body has not been read to its end
   */
  public Headers trailers() {
    return trailers.get();
  }

  /**
   * The chunk extensions read so far (RFC 9112 §7.1.1), one entry per chunk that had any, as sent
   * after the size (e.g. {@code ;name=value}); empty for other framings.
   */
  public List<String> chunkExtensions() {
    return chunkExtensions.get();
  }

  /**
   * Releases the connection; safe to call more than once. Called from another thread than the one
   * reading (or that read last), it aborts: the connection is closed and that thread's next read
   * (or the one it is blocked in) fails with an {@link IOException}.
   */
  @Override
  public void close() {
    if (abortIfReadElsewhere.getAsBoolean()) {
      return;
    }
    try {
      source.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
