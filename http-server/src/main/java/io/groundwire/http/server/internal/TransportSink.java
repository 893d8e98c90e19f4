package io.groundwire.http.server.internal;

import java.io.IOException;
import okio.Buffer;
import okio.Sink;
import okio.Timeout;

/**
 * An Okio sink writing to the connection's transport: each write runs under the write timeout, and
 * the time the handler takes between writes does not count.
 */
final class TransportSink implements Sink {
  private final Connection connection;
  private final Transport transport;
  private final Buffer pending = new Buffer();
  long written;

  TransportSink(Connection connection, Transport transport) {
    this.connection = connection;
    this.transport = transport;
  }

  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    Buffer toWrite = source;
    if (byteCount != source.size()) {
      pending.write(source, byteCount);
      toWrite = pending;
    }
    connection.armWriteTimeout();
    transport.write(toWrite, null);
    connection.disarmTimeout(); // back in the handler, which may take its time before the next write
    written += byteCount;
  }

  @Override
  public void flush() {}

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {}
}
