package io.groundwire.http.server.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import okio.Buffer;

/** TLS through a JSSE {@link SSLSocket} layered over the accepted channel; files are copied. */
final class TlsTransport extends SocketTransport {
  private final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;

  TlsTransport(SocketChannel channel, SSLContext context) throws IOException {
    super(channel);
    this.socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), null, true);
    socket.setUseClientMode(false);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    waiting();
    return in.read(b, off, len);
  }

  @Override
  public void write(Buffer head, byte[] body) throws IOException {
    // One TLS record for head and small body: copy them together.
    if (body != null && body.length > 0 && body.length <= 16 * 1024) {
      head.write(body);
      body = null;
    }
    byte[] bytes = head.readByteArray();
    waiting();
    out.write(bytes);
    if (body != null) out.write(body);
    out.flush();
  }

  @Override
  public void transfer(FileChannel file, long position, long count) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(16 * 1024, Math.max(count, 1)));
    long end = position + count;
    waiting();
    while (position < end) {
      buf.clear().limit((int) Math.min(buf.capacity(), end - position));
      int n = file.read(buf, position);
      if (n < 0) throw new EOFException("file shorter than the response promised");
      out.write(buf.array(), 0, n);
      position += n;
    }
    out.flush();
  }

  @Override
  public void shutdownOutput() {
    try {
      waiting(); // close_notify is a write
      socket.shutdownOutput();
    } catch (IOException | RuntimeException e) {
      try {
        channel.shutdownOutput();
      } catch (IOException | RuntimeException ignored) {
        // already closed
      }
    }
  }

  @Override
  public boolean secure() {
    return true;
  }
}
