package io.groundwire.http.codec;

import java.io.IOException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A response body delimited by the end of the connection (RFC 9112 §6.3 (8)). After it, the
 * connection cannot be reused. Closing it does not close the underlying stream.
 */
public final class UntilCloseSource implements Source {
  private final BufferedSource in;
  private boolean complete;
  private boolean closed;

  /** A source of everything left in {@code in}. */
  public UntilCloseSource(BufferedSource in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /**
   * Reads up to {@code byteCount} bytes into {@code sink}.
   *
   * @return the number of bytes read, or -1 once the stream ended
   * @throws IllegalStateException if this source was closed
   */
  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (complete) return -1;
    long read = in.read(sink, byteCount);
    if (read == -1) complete = true;
    return read;
  }

  /** True once the stream has ended. */
  public boolean isComplete() {
    return complete;
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
