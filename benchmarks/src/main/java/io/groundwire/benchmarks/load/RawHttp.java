package io.groundwire.benchmarks.load;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Just enough HTTP/1.1 over a blocking {@link SocketChannel} to hold and probe connections. */
final class RawHttp {
  private RawHttp() {}

  static ByteBuffer request(String host, int port, String path, boolean close) {
    String text = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
        + (close ? "Connection: close\r\n" : "") + "\r\n";
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Sends one GET on {@code channel} and reads the whole response; fails unless it is a 200. */
  static void exchange(SocketChannel channel, ByteBuffer request, ByteBuffer scratch) throws IOException {
    request.rewind();
    while (request.hasRemaining()) {
      channel.write(request);
    }
    readResponse(channel, scratch);
  }

  /** Opens a blocking connection to {@code address}. */
  static SocketChannel connect(InetSocketAddress address) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      channel.connect(address);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Reads one response with a Content-Length body into {@code scratch} (which must hold it). */
  private static void readResponse(SocketChannel channel, ByteBuffer scratch) throws IOException {
    scratch.clear();
    int headEnd = -1;
    while (headEnd < 0) {
      fill(channel, scratch);
      headEnd = indexOfHeadEnd(scratch);
    }
    String head = new String(scratch.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
    if (!head.startsWith("HTTP/1.1 200") && !head.startsWith("HTTP/1.0 200")) {
      throw new IOException("unexpected response: " + head.lines().findFirst().orElse(""));
    }
    long length = contentLength(head);
    while (scratch.position() < headEnd + 4 + length) {
      fill(channel, scratch);
    }
  }

  private static void fill(SocketChannel channel, ByteBuffer scratch) throws IOException {
    if (!scratch.hasRemaining()) {
      throw new IOException("response larger than " + scratch.capacity() + " bytes");
    }
    if (channel.read(scratch) < 0) {
      throw new EOFException("connection closed before the response was complete");
    }
  }

  private static int indexOfHeadEnd(ByteBuffer buffer) {
    byte[] b = buffer.array();
    for (int i = 3; i < buffer.position(); i++) {
      if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
        return i - 3;
      }
    }
    return -1;
  }

  private static long contentLength(String head) throws IOException {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    throw new IOException("response without Content-Length");
  }
}
