package io.groundwire.http.codec;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A body of exactly {@code length} bytes read from an underlying stream (Content-Length framing).
 * Returns -1 after the last byte without reading further, so the next message stays in the
 * stream. Closing it does not close the underlying stream; check {@link #isComplete()} to know
 * whether the connection is positioned at the next message.
 */
public final class FixedLengthSource implements Source {
  private final BufferedSource in;
  private final long length;
  private long remaining;
  private boolean closed;

  /**
   * A source of the next {@code length} bytes of {@code in}.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public FixedLengthSource(BufferedSource in, long length) {
    if (length < 0) throw new IllegalArgumentException("negative length: " + length);
    this.in = Objects.requireNonNull(in, "in");
    this.length = length;
    this.remaining = length;
  }

  /**
   * Reads up to {@code byteCount} body bytes into {@code sink}.
   *
   * @return the number of bytes read, or -1 once the whole body was read
   * @throws EOFException if the stream ends before the declared length (naming both numbers)
   * @throws IllegalStateException if this source was closed
   */
  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    if (remaining == 0) return -1;
    long read = in.read(sink, Math.min(byteCount, remaining));
    if (read == -1) {
      throw new EOFException("stream ended after " + (length - remaining) + " of the "
          + length + " bytes declared by Content-Length");
    }
    remaining -= read;
    return read;
  }

  /** Bytes of the body not read yet. */
  public long remaining() {
    return remaining;
  }

  /** True once every byte of the body was read. */
  public boolean isComplete() {
    return remaining == 0;
  }

  /** The underlying stream's timeout. */
  @Override
  public Timeout timeout() {
    return in.timeout();
  }

  /** Stops reading; the underlying stream stays open. */
  @Override
  public void close() {
    closed = true;
  }
}
