package io.groundwire.http.server.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import okio.Buffer;

/**
 * Plain TCP on a {@link SocketChannel}; files go out with {@code transferTo} (sendfile). The channel
 * is blocking here; {@link EventTransport} reuses this class on a non-blocking one, waiting in
 * {@link #awaitWritable()} whenever the socket's send buffer is full.
 */
class ChannelTransport extends SocketTransport {
  private static final int MAX_GATHER = 16;
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();

  ChannelTransport(SocketChannel channel) throws IOException {
    super(channel);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    waiting(); // a blocking channel may wait in any read
    return channel.read(ByteBuffer.wrap(b, off, len));
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

  /** Waits until the socket takes more bytes; a blocking channel never needs to. */
  void awaitWritable() throws IOException {}

  /** Before a write that may block: a blocking channel may wait in any write. */
  void beforeWrite() {
    waiting();
  }

  private void writeFully(ByteBuffer b) throws IOException {
    beforeWrite();
    while (b.hasRemaining()) {
      if (channel.write(b) == 0) awaitWritable();
    }
  }

  private void writeFully(ByteBuffer[] buffers, int count) throws IOException {
    beforeWrite();
    int first = 0;
    while (first < count) {
      if (channel.write(buffers, first, count - first) == 0) awaitWritable();
      while (first < count && !buffers[first].hasRemaining()) first++;
    }
  }

  @Override
  public void transfer(FileChannel file, long position, long count) throws IOException {
    long end = position + count;
    beforeWrite();
    while (position < end) {
      long n = file.transferTo(position, end - position, channel);
      if (n <= 0) {
        if (position >= file.size()) throw new EOFException("file shorter than the response promised");
        if (!channel.isBlocking()) {
          awaitWritable();
          continue;
        }
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
  public void shutdownOutput() {
    try {
      channel.shutdownOutput();
    } catch (IOException | RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public boolean secure() {
    return false;
  }
}
