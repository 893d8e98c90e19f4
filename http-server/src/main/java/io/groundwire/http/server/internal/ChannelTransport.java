package io.groundwire.http.server.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import okio.Buffer;

/** Plain TCP on a blocking {@link SocketChannel}; files go out with {@code transferTo} (sendfile). */
final class ChannelTransport implements Transport {
  private static final int MAX_GATHER = 16;
  private final SocketChannel channel;
  private final InetSocketAddress remote;
  private final InetSocketAddress local;
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();

  ChannelTransport(SocketChannel channel) throws IOException {
    this.channel = channel;
    this.remote = (InetSocketAddress) channel.getRemoteAddress();
    this.local = (InetSocketAddress) channel.getLocalAddress();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return channel.read(ByteBuffer.wrap(b, off, len));
  }

  @Override
  public void write(Buffer buffer) throws IOException {
    write(buffer, null);
  }

  @Override
  public void write(Buffer head, byte[] body) throws IOException {
    head.readUnsafe(cursor);
    try {
      ByteBuffer[] buffers = null;
      ByteBuffer single = null;
      int count = 0;
      for (int n = cursor.seek(0); n != -1; n = cursor.next()) {
        ByteBuffer bb = ByteBuffer.wrap(cursor.data, cursor.start, cursor.end - cursor.start);
        if (single == null && buffers == null) {
          single = bb;
          count = 1;
          continue;
        }
        if (buffers == null) {
          buffers = new ByteBuffer[MAX_GATHER + 1];
          buffers[0] = single;
        }
        if (count == MAX_GATHER) {
          writeFully(buffers, count);
          count = 0;
        }
        buffers[count++] = bb;
      }
      if (body != null && body.length > 0) {
        ByteBuffer bb = ByteBuffer.wrap(body);
        if (buffers == null) {
          buffers = new ByteBuffer[MAX_GATHER + 1];
          if (single != null) buffers[0] = single;
        }
        buffers[count++] = bb;
      }
      if (buffers != null) writeFully(buffers, count);
      else if (single != null) writeFully(single);
    } finally {
      cursor.close();
    }
    head.clear();
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) channel.write(b);
  }

  private void writeFully(ByteBuffer[] buffers, int count) throws IOException {
    int first = 0;
    while (first < count) {
      channel.write(buffers, first, count - first);
      while (first < count && !buffers[first].hasRemaining()) first++;
    }
  }

  @Override
  public void transfer(FileChannel file, long position, long count) throws IOException {
    long end = position + count;
    while (position < end) {
      long n = file.transferTo(position, end - position, channel);
      if (n <= 0) {
        if (position >= file.size()) throw new EOFException("file shorter than the response promised");
        // transferTo may return 0 on a non-blocking socket; copy the rest through a buffer.
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(64 * 1024, end - position));
        int r = file.read(buf, position);
        if (r < 0) throw new EOFException("file shorter than the response promised");
        buf.flip();
        writeFully(buf);
        n = r;
      }
      position += n;
    }
  }

  @Override
  public void shutdownInput() {
    try {
      channel.shutdownInput();
    } catch (IOException | RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public void shutdownOutput() {
    try {
      channel.shutdownOutput();
    } catch (IOException | RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  @Override
  public boolean secure() {
    return false;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }
}
