package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Sink;
import okio.Source;
import okio.Timeout;

/**
 * TEMPORARY stand-in for http-core's codec ({@code io.groundwire.http.codec}) until it lands:
 * to be replaced by calls into core. Kept minimal and strict.
 */
final class CoreCodec {
  private CoreCodec() {}

  private static final long MAX_HEAD = 64 * 1024;

  static Http1Codec.Head readResponseHead(BufferedSource source) throws IOException {
    long limit = MAX_HEAD;
    String statusLine = line(source, limit);
    limit -= statusLine.length();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' '
        || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw HttpProtocolException.badResponse("malformed status line: " + printable(statusLine));
    }
    HttpVersion version;
    switch (statusLine.charAt(7)) {
      case '0' -> version = HttpVersion.HTTP_1_0;
      case '1' -> version = HttpVersion.HTTP_1_1;
      default -> throw HttpProtocolException.badResponse("unsupported version: " + printable(statusLine));
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw HttpProtocolException.badResponse("malformed status code: " + printable(statusLine));
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100) {
      throw HttpProtocolException.badResponse("status code out of range: " + printable(statusLine));
    }
    String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
    Headers.Builder headers = Headers.builder();
    while (true) {
      String line = line(source, limit);
      limit -= line.length() + 2;
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw HttpProtocolException.badResponse("malformed header line: " + printable(line));
      }
      try {
        headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw HttpProtocolException.badResponse("malformed header line: " + printable(line));
      }
    }
    return new Http1Codec.Head(version, status, reason, headers.build());
  }

  private static String line(BufferedSource source, long limit) throws IOException {
    long lf = source.indexOf((byte) '\n', 0, Math.max(limit, 1));
    if (lf < 0) {
      if (source.getBuffer().size() >= limit) {
        throw HttpProtocolException.badResponse("response head larger than " + MAX_HEAD + " bytes");
      }
      throw new EOFException("end of stream inside the response head");
    }
    String line = source.readUtf8(lf);
    source.skip(1);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    return line;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return "'" + out + "'";
  }

  static Http1Codec.Body responseBody(Method method, Http1Codec.Head head, BufferedSource source) throws IOException {
    int status = head.status();
    if (method == Method.HEAD || status < 200 || status == 204 || status == 304) {
      return new Http1Codec.Body(new Fixed(source, 0), null, 0, true);
    }
    Headers headers = head.headers();
    String te = headers.get("Transfer-Encoding");
    if (te != null) {
      if (headers.contains("Content-Length")) {
        throw HttpProtocolException.badResponse("both Transfer-Encoding and Content-Length");
      }
      if (!te.strip().toLowerCase(java.util.Locale.ROOT).endsWith("chunked")) {
        return new Http1Codec.Body(source, null, -1, false);
      }
      Chunked chunked = new Chunked(source);
      return new Http1Codec.Body(chunked, chunked::trailers, -1, true);
    }
    String cl = headers.get("Content-Length");
    if (cl != null) {
      long length;
      try {
        length = Long.parseLong(cl.strip());
      } catch (NumberFormatException e) {
        throw HttpProtocolException.badResponse("invalid Content-Length: " + cl);
      }
      if (length < 0) {
        throw HttpProtocolException.badResponse("invalid Content-Length: " + cl);
      }
      return new Http1Codec.Body(new Fixed(source, length), null, length, true);
    }
    return new Http1Codec.Body(new UntilClose(source), null, -1, false);
  }

  static Sink fixedLengthSink(BufferedSink sink, long length) {
    return new Sink() {
      long remaining = length;

      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        if (byteCount > remaining) {
          throw new ProtocolException("request body longer than its Content-Length " + length);
        }
        sink.write(source, byteCount);
        remaining -= byteCount;
      }

      @Override
      public void flush() throws IOException {
        sink.flush();
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() throws IOException {
        if (remaining != 0) {
          throw new ProtocolException("request body shorter than its Content-Length " + length);
        }
      }
    };
  }

  static Sink chunkedSink(BufferedSink sink) {
    return new Sink() {
      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        if (byteCount == 0) {
          return;
        }
        sink.writeHexadecimalUnsignedLong(byteCount).writeUtf8("\r\n");
        sink.write(source, byteCount);
        sink.writeUtf8("\r\n");
      }

      @Override
      public void flush() throws IOException {
        sink.flush();
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() throws IOException {
        sink.writeUtf8("0\r\n\r\n");
      }
    };
  }

  private static final class Fixed implements Source {
    private final BufferedSource source;
    private long remaining;

    Fixed(BufferedSource source, long length) {
      this.source = source;
      this.remaining = length;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      long n = source.read(sink, Math.min(byteCount, remaining));
      if (n == -1) {
        throw new EOFException(remaining + " bytes missing");
      }
      remaining -= n;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static final class UntilClose implements Source {
    private final BufferedSource source;

    UntilClose(BufferedSource source) {
      this.source = source;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      return source.read(sink, byteCount);
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static final class Chunked implements Source {
    private final BufferedSource source;
    private long remainingInChunk;
    private boolean done;
    private Headers trailers = Headers.EMPTY;

    Chunked(BufferedSource source) {
      this.source = source;
    }

    Headers trailers() {
      return trailers;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (done) {
        return -1;
      }
      if (remainingInChunk == 0) {
        String sizeLine = line(source, 4096);
        int semicolon = sizeLine.indexOf(';');
        String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
          throw HttpProtocolException.badResponse("invalid chunk size: " + printable(sizeLine));
        }
        long size;
        try {
          size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw HttpProtocolException.badResponse("invalid chunk size: " + printable(sizeLine));
        }
        if (size == 0) {
          Headers.Builder t = Headers.builder();
          while (true) {
            String line = line(source, 8192);
            if (line.isEmpty()) {
              break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
              t.add(line.substring(0, colon), line.substring(colon + 1).strip());
            }
          }
          trailers = t.build();
          done = true;
          return -1;
        }
        remainingInChunk = size;
      }
      long n = source.read(sink, Math.min(byteCount, remainingInChunk));
      if (n == -1) {
        throw new EOFException("chunk ended early");
      }
      remainingInChunk -= n;
      if (remainingInChunk == 0) {
        String crlf = line(source, 2);
        if (!crlf.isEmpty()) {
          throw HttpProtocolException.badResponse("missing CRLF after chunk data");
        }
      }
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }
}
