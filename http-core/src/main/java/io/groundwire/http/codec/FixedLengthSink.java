package io.groundwire.http.codec;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import okio.Sink;
import okio.Timeout;

/**
 * Writes a body of exactly the length announced by Content-Length. Writing more fails before
 * anything of the offending write is sent; closing after fewer bytes fails too, since the peer
 * would wait for the rest (the connection must then be closed). Closing does not close or flush
 * the underlying sink.
 */
public final class FixedLengthSink implements Sink {
  private final BufferedSink out;
  private final long length;
  private long remaining;
  private boolean closed;

  /**
   * A sink for a body of {@code length} bytes written to {@code out}.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public FixedLengthSink(BufferedSink out, long length) {
    if (length < 0) throw new IllegalArgumentException("negative length: " + length);
    this.out = Objects.requireNonNull(out, "out");
    this.length = length;
    this.remaining = length;
  }

  /**
   * Writes {@code byteCount} bytes from {@code source}.
   *
   * @throws ProtocolException if that would exceed the declared length (nothing is written)
   * @throws IllegalStateException if this sink was closed
   */
  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (byteCount > remaining) {
      throw new ProtocolException("body exceeds its Content-Length of " + length + " bytes: "
          + (length - remaining + byteCount) + " bytes written");
    }
    out.write(source, byteCount);
    remaining -= byteCount;
  }

  /** Bytes still to be written. */
  public long remaining() {
    return remaining;
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

  /**
   * Ends the body.
   *
   * @throws ProtocolException if fewer bytes than declared were written
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    if (remaining > 0) {
      throw new ProtocolException("body ended after " + (length - remaining) + " of the "
          + length + " bytes declared by Content-Length");
    }
  }
}
