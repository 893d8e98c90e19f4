package io.groundwire.http.server.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;

/**
 * Writes a {@link ResponseImpl}: the head with Date, Server and framing headers, then the body
 * framed by Content-Length, chunked coding, or (HTTP/1.0, unknown length) the end of the
 * connection. Small responses leave in one write; large files go zero-copy.
 */
final class ResponseWriter {
  /** Bodies up to this size are copied behind the head so both leave in one write. */
  private static final int COPY_LIMIT = 16 * 1024;
  /**
   * The first bytes of a file are read behind the head so that both leave in one full-sized write,
   * and only the rest goes by sendfile (the whole file when it is no longer). A head sent on its
   * own before the sendfile left a small segment in front of the data that halved what a client
   * could receive on loopback (nginx avoids it with TCP_CORK, which Java does not offer).
   */
  private static final int FILE_COPY_LIMIT = 64 * 1024;

  private static final byte[] CONTENT_LENGTH = bytes("Content-Length: ");
  private static final byte[] CHUNKED = bytes("Transfer-Encoding: chunked\r\n");
  private static final byte[] CLOSE = bytes("Connection: close\r\n");
  private static final byte[] KEEP_ALIVE = bytes("Connection: keep-alive\r\n");
  private static final byte[] CRLF = bytes("\r\n");
  private static final byte[] COLON = bytes(": ");

  private final Connection connection;
  private final Transport transport;
  private final ResponseHeads heads;
  private final Buffer out = new Buffer();

  /** Body bytes sent by the last {@link #write} (for the access log). */
  long bodyBytes;

  ResponseWriter(Connection connection, Transport transport, ResponseHeads heads) {
    this.connection = connection;
    this.transport = transport;
    this.heads = heads;
  }

  /**
   * Writes {@code r}; returns whether the connection may stay open afterwards (false when the body
   * had to be close-delimited). With {@code hold} a small response may stay buffered until
   * {@link #flush()}, so pipelined responses share a write.
   *
   * @throws IOException when writing fails or a streamed body does not match its declared length;
   *     the connection must then be closed
   */
  boolean write(ResponseImpl r, boolean head, boolean http11, boolean keepAlive, boolean hold) throws IOException {
    int code = r.status.code();
    boolean bodyAllowed = code != 204 && code != 304 && code >= 200;
    boolean sendBody = bodyAllowed && !head;
    long length = r.kind == ResponseImpl.Kind.NONE ? 0 : r.length;
    boolean chunked = false;
    if (sendBody && length < 0) {
      if (http11) chunked = true;
      else keepAlive = false; // RFC 9112 §6.3: HTTP/1.0 bodies of unknown length end with the connection
    }
    bodyBytes = 0;
    // Held pipelined responses leave first, so a failing body below cannot take them with it.
    if (sendBody && r.kind != ResponseImpl.Kind.BYTES && r.kind != ResponseImpl.Kind.NONE) flush();

    out.write(StatusLines.of(r.status));
    out.write(heads.dateLine());
    out.write(heads.serverLine());
    for (int i = 0; i < r.headers.size(); i += 2) {
      writeAscii(r.headers.get(i));
      out.write(COLON);
      writeAscii(r.headers.get(i + 1));
      out.write(CRLF);
    }
    if (bodyAllowed && length >= 0) {
      out.write(CONTENT_LENGTH).writeDecimalLong(length).write(CRLF);
    } else if (chunked) {
      out.write(CHUNKED);
    }
    if (!keepAlive) out.write(CLOSE);
    else if (!http11) out.write(KEEP_ALIVE);
    out.write(CRLF);

    if (!sendBody) {
      closeQuietly(r.stream);
      if (!hold) flush();
      return keepAlive;
    }
    long writesBefore = connection.writes();
    try {
      switch (r.kind) {
        case NONE -> {
          if (!hold) flush();
        }
        case BYTES -> writeBytes(r.bytes, hold);
        case FILE -> writeFile(r);
        case STREAM -> writeStream(r, chunked);
        case WRITER -> writeWithWriter(r, chunked);
      }
    } catch (IOException | RuntimeException e) {
      if (connection.writes() != writesBefore) throw e;
      // Nothing of this response left yet (earlier held responses may have): it can still become a 500.
      out.clear();
      throw new ResponseNotStarted(e);
    }
    return keepAlive;
  }

  /** Sends whatever is buffered. */
  void flush() throws IOException {
    if (out.size() == 0) return;
    connection.armWriteTimeout();
    transport.write(out, null);
  }

  /** Whether responses are waiting in the buffer. */
  boolean hasBuffered() {
    return out.size() > 0;
  }

  private void writeBytes(byte[] body, boolean hold) throws IOException {
    bodyBytes = body.length;
    if (body.length <= COPY_LIMIT) {
      out.write(body);
      if (!hold || out.size() > COPY_LIMIT) flush();
    } else {
      connection.armWriteTimeout();
      transport.write(out, body);
    }
  }

  private void writeFile(ResponseImpl r) throws IOException {
    try (FileChannel file = FileChannel.open(r.file, StandardOpenOption.READ)) {
      long copied = Math.min(r.length, FILE_COPY_LIMIT);
      readInto(file, r.offset, copied);
      flush();
      if (copied < r.length) {
        connection.armWriteTimeout();
        transport.transfer(file, r.offset + copied, r.length - copied);
      }
      bodyBytes = r.length;
    }
  }

  private void readInto(FileChannel file, long position, long count) throws IOException {
    Buffer.UnsafeCursor cursor = out.readAndWriteUnsafe();
    try {
      while (count > 0) {
        long before = out.size();
        long added = cursor.expandBuffer((int) Math.min(count, 8192));
        int len = (int) Math.min(added, count);
        int n = file.read(ByteBuffer.wrap(cursor.data, cursor.start, len), position);
        if (n < 0) {
          cursor.resizeBuffer(before);
          throw new EOFException("file shorter than the response promised");
        }
        cursor.resizeBuffer(before + n);
        position += n;
        count -= n;
      }
    } finally {
      cursor.close();
    }
  }

  private void writeStream(ResponseImpl r, boolean chunked) throws IOException {
    try (InputStream in = r.stream) {
      long length = r.length;
      writeWithWriter(length, chunked, o -> {
        if (length < 0) {
          in.transferTo(o);
          return;
        }
        byte[] chunk = new byte[(int) Math.min(8192, Math.max(length, 1))];
        for (long left = length; left > 0; ) {
          int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
          if (n < 0) throw new EOFException("stream ended " + left + " bytes before its declared length");
          o.write(chunk, 0, n);
          left -= n;
        }
      });
    }
  }

  private void writeWithWriter(ResponseImpl r, boolean chunked) throws IOException {
    writeWithWriter(r.length, chunked, r.writer);
  }

  private void writeWithWriter(long length, boolean chunked, io.groundwire.http.server.BodyWriter writer)
      throws IOException {
    TransportSink socket = new TransportSink(connection, transport);
    BufferedSink sink = Okio.buffer(socket);
    sink.getBuffer().writeAll(out);
    if (chunked) {
      BufferedSink body = Okio.buffer(WireCodec.chunkedSink(sink));
      CountingStream counted = new CountingStream(body.outputStream(), Long.MAX_VALUE);
      writer.writeTo(counted);
      body.close(); // writes the last chunk
      sink.flush();
      bodyBytes = counted.count;
    } else {
      CountingStream counted = new CountingStream(sink.outputStream(), length);
      writer.writeTo(counted);
      if (length >= 0 && counted.count != length) {
        throw new ProtocolException("body writer wrote " + counted.count + " of " + length + " bytes");
      }
      sink.flush();
      bodyBytes = counted.count;
    }
  }

  private void writeAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        out.writeString(s, java.nio.charset.StandardCharsets.ISO_8859_1);
        return;
      }
    }
    out.writeUtf8(s);
  }

  private static void closeQuietly(InputStream in) {
    if (in == null) return;
    try {
      in.close();
    } catch (IOException ignored) {
      // not sending it
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Counts what a body writer writes, refusing more than the declared length; close is ignored. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    private final long limit;
    long count;

    CountingStream(OutputStream out, long limit) {
      this.out = out;
      this.limit = limit < 0 ? Long.MAX_VALUE : limit;
    }

    @Override
    public void write(int b) throws IOException {
      check(1);
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check(len);
      out.write(b, off, len);
      count += len;
    }

    private void check(int len) throws IOException {
      if (count + len > limit) throw new ProtocolException("body longer than its declared " + limit + " bytes");
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() {}
  }
}
