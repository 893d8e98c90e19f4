package io.groundwire.http.server.internal;

import java.io.IOException;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * Reads the socket into Okio buffers without holding memory while the connection waits: the
 * possibly blocking read goes into a small array owned by the connection, and only a read that
 * filled it (more data is likely queued) goes straight into a pooled 8 KiB segment.
 */
final class SocketSource implements Source {
  /** Big enough for a typical request head from a benchmark client, small enough to idle cheaply. */
  static final int SMALL = 512;

  private final Transport transport;
  private final Connection connection;
  private final byte[] small = new byte[SMALL];
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
  private boolean moreLikely;

  SocketSource(Transport transport, Connection connection) {
    this.transport = transport;
    this.connection = connection;
  }

  /**
   * The next read waits for a new request: it goes into the small array, never into a segment of
   * the connection's buffer, so that a transport that lets go of the connection instead
   * ({@link Transport.Suspended}) leaves nothing of the connection's to undo afterwards.
   */
  void awaitingRequest() {
    moreLikely = false;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (byteCount == 0) return 0;
    // Responses held back for pipelining must leave before we possibly block waiting for input.
    connection.flushHeldResponses();
    if (!moreLikely) {
      int n = transport.read(small, 0, (int) Math.min(SMALL, byteCount));
      if (n > 0) sink.write(small, 0, n);
      moreLikely = n == SMALL;
      return n;
    }
    sink.readAndWriteUnsafe(cursor);
    long before = sink.size();
    int n = -1;
    try {
      long added = cursor.expandBuffer(1);
      int len = (int) Math.min(added, byteCount);
      n = transport.read(cursor.data, cursor.start, len);
      moreLikely = n == len;
      return n;
    } finally {
      cursor.resizeBuffer(before + Math.max(n, 0)); // a read that threw added nothing
      cursor.close();
    }
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {
    transport.close();
  }
}
