package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.codec.ResponseHead;
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

  static ResponseHead readResponseHead(BufferedSource source) throws IOException {
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
    return new ResponseHead(version, io.groundwire.http.Status.of(status), reason, headers.build());
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
}
