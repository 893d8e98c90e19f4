package io.groundwire.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw-socket HTTP client for tests: writes exactly the given bytes (text blocks get CRLF line
 * ends) and reads responses byte by byte, every read bounded by a timeout.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    this(new Socket("127.0.0.1", port));
  }

  RawClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(5000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Turns a text block's line ends into CRLF, as HTTP wants. */
  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** Sends {@code text} with its LFs turned into CRLFs. */
  RawClient send(String text) throws IOException {
    return sendRaw(crlf(text).getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends bytes as they are. */
  RawClient sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Sends {@code text} exactly as it is. */
  RawClient sendExact(String text) throws IOException {
    return sendRaw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Half-closes: the server sees end of stream after what was sent, and can still answer. */
  RawClient shutdownOutput() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /** Reads one response (head and body framed by Content-Length or chunked, or until close). */
  String readResponse() throws IOException {
    return readResponse(false);
  }

  /** Reads one response to a HEAD request: the head only. */
  String readHeadResponse() throws IOException {
    return readResponse(true);
  }

  private String readResponse(boolean headOnly) throws IOException {
    String head = readUntil("\r\n\r\n");
    if (head == null) throw new IOException("connection closed before a response");
    int status = Integer.parseInt(head.substring(9, 12));
    if (headOnly || status < 200 || status == 204 || status == 304) return head;
    String lower = head.toLowerCase();
    int cl = lower.indexOf("\r\ncontent-length: ");
    if (cl >= 0) {
      int end = lower.indexOf("\r\n", cl + 2);
      long length = Long.parseLong(head.substring(cl + 18, end).trim());
      return head + new String(in.readNBytes((int) length), StandardCharsets.ISO_8859_1);
    }
    if (lower.contains("\r\ntransfer-encoding: chunked")) {
      StringBuilder body = new StringBuilder();
      while (true) {
        String size = readUntil("\r\n");
        int n = Integer.parseInt(size.trim().split(";")[0], 16);
        if (n == 0) {
          readUntil("\r\n");
          return head + body;
        }
        body.append(new String(in.readNBytes(n), StandardCharsets.ISO_8859_1));
        readUntil("\r\n");
      }
    }
    return head + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** Reads exactly {@code n} bytes, or fewer if the stream ends first. */
  byte[] readBytes(int n) throws IOException {
    return in.readNBytes(n);
  }

  /** Reads up to and including {@code end}; null when the stream ends first with nothing read. */
  String readUntil(String end) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] e = end.getBytes(StandardCharsets.ISO_8859_1);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (buf.size() == 0) return null;
        throw new IOException("stream ended inside: " + buf.toString(StandardCharsets.ISO_8859_1));
      }
      buf.write(b);
      byte[] a = buf.toByteArray();
      if (a.length >= e.length && java.util.Arrays.equals(a, a.length - e.length, a.length, e, 0, e.length)) {
        return buf.toString(StandardCharsets.ISO_8859_1);
      }
    }
  }

  /** Whether the server closed the connection: a read sees end of stream (or a reset) within 5 s. */
  boolean isClosedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** Changes how long reads wait. */
  RawClient timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
    return this;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
