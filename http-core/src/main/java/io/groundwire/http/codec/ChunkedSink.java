package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import java.io.IOException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import okio.Sink;
import okio.Timeout;

/**
 * Writes a body in the chunked transfer coding (RFC 9112 §7.1): each non-empty write becomes one
 * chunk, and {@link #close()} (or {@link #finish(Headers)} with trailers) writes the last chunk and
 * the trailer section. Wrap it in {@code Okio.buffer(...)} to get chunks of a segment (8 KiB)
 * rather than one per small write. Closing does not close or flush the underlying sink.
 */
public final class ChunkedSink implements Sink {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = {'0', '\r', '\n'};

  private final BufferedSink out;
  private boolean closed;

  /** A sink writing chunks to {@code out}. */
  public ChunkedSink(BufferedSink out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Writes {@code byteCount} bytes from {@code source} as one chunk (nothing for zero bytes).
   *
   * @throws IllegalStateException if this sink was closed
   */
  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (byteCount == 0) return;
    out.writeHexadecimalUnsignedLong(byteCount);
    out.write(CRLF);
    out.write(source, byteCount);
    out.write(CRLF);
  }

  /** Flushes the underlying sink. */
  @Override
  public void flush() throws IOException {
    if (closed) return;
    out.flush();
  }

  /** The underlying sink's timeout. */
  @Override
  public Timeout timeout() {
    return out.timeout();
  }

  /** Writes the last chunk with no trailers. Does nothing if already closed. */
  @Override
  public void close() throws IOException {
    finish(Headers.EMPTY);
  }

  /**
   * Writes the last chunk followed by {@code trailers} (valid by construction) and ends the body.
   * Does nothing if already closed.
   */
  public void finish(Headers trailers) throws IOException {
    if (closed) return;
    closed = true;
    out.write(LAST_CHUNK);
    HeadWriter.writeFields(out, trailers);
  }
}
