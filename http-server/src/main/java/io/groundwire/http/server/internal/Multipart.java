package io.groundwire.http.server.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.server.MultipartReader;
import io.groundwire.http.server.Part;
import java.io.IOException;
import java.io.InputStream;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * Streams a {@code multipart/form-data} body (RFC 7578, RFC 2046 §5.1): the body is scanned for
 * {@code CRLF--boundary} with a window of a few KiB, so no part is ever held in memory.
 */
final class Multipart implements MultipartReader {
  private static final int MAX_PART_HEADER_BYTES = 16 * 1024;
  private static final int MAX_PART_HEADERS = 100;
  private static final int WINDOW = 8192;

  private final BufferedSource in;
  private final Buffer buffer;
  private final ByteString delimiter;
  private PartImpl current;
  private boolean started;
  private boolean done;

  Multipart(InputStream body, String boundary) {
    // A CRLF in front lets the first delimiter be found like every other one.
    Buffer crlf = new Buffer().writeUtf8("\r\n");
    Source bodySource = Okio.source(body);
    this.in = Okio.buffer(new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (crlf.size() > 0) return crlf.read(sink, Math.min(byteCount, crlf.size()));
        return bodySource.read(sink, byteCount);
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    });
    this.buffer = in.getBuffer();
    this.delimiter = ByteString.encodeUtf8("\r\n--" + boundary);
  }

  @Override
  public Part next() throws IOException {
    if (done) return null;
    if (current != null) current.skipRest();
    else if (!started) skipToDelimiter();
    started = true;
    buffer.skip(delimiter.size());
    if (!in.request(2)) throw truncated();
    if (buffer.getByte(0) == '-' && buffer.getByte(1) == '-') {
      done = true;
      current = null;
      return null; // the close delimiter; whatever follows is epilogue, drained by the connection
    }
    // RFC 2046 §5.1.1: transport padding (linear whitespace) may follow the boundary.
    while (in.request(1) && (buffer.getByte(0) == ' ' || buffer.getByte(0) == '\t')) buffer.skip(1);
    expectCrlf();
    current = new PartImpl(readHeaders());
    return current;
  }

  private void skipToDelimiter() throws IOException {
    while (true) {
      in.request(delimiter.size() + WINDOW);
      if (buffer.size() < delimiter.size()) throw truncated();
      long at = buffer.indexOf(delimiter);
      if (at >= 0) {
        buffer.skip(at);
        return;
      }
      buffer.skip(buffer.size() - delimiter.size() + 1);
    }
  }

  private void expectCrlf() throws IOException {
    if (!in.request(2) || buffer.getByte(0) != '\r' || buffer.getByte(1) != '\n') {
      throw HttpProtocolException.badRequest("malformed multipart boundary line");
    }
    buffer.skip(2);
  }

  private Headers readHeaders() throws IOException {
    Headers.Builder headers = Headers.builder();
    int total = 0;
    for (int count = 0; ; count++) {
      long lf = in.indexOf((byte) '\n', 0, MAX_PART_HEADER_BYTES - total);
      if (lf < 0) {
        if (buffer.size() >= MAX_PART_HEADER_BYTES - total) {
          throw HttpProtocolException.badRequest("multipart part headers too large");
        }
        throw truncated();
      }
      if (lf == 0 || buffer.getByte(lf - 1) != '\r') throw HttpProtocolException.badRequest("part header line without CRLF");
      String line = buffer.readUtf8(lf - 1);
      buffer.skip(2);
      total += (int) lf + 1;
      if (line.isEmpty()) return headers.build();
      if (count >= MAX_PART_HEADERS) throw HttpProtocolException.badRequest("too many part headers");
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon) : "";
      if (!Tokens.isToken(name)) throw HttpProtocolException.badRequest("malformed part header");
      try {
        headers.add(name, line.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw HttpProtocolException.badRequest("malformed part header: " + e.getMessage());
      }
    }
  }

  private static HttpProtocolException truncated() {
    return HttpProtocolException.badRequest("multipart body ends before its close delimiter");
  }

  /** One part; its body ends at the next delimiter. */
  private final class PartImpl implements Part {
    private final Headers headers;
    private final String name;
    private final String filename;
    private final InputStream body;
    private boolean ended;

    PartImpl(Headers headers) {
      this.headers = headers;
      String disposition = headers.get("Content-Disposition");
      this.name = disposition == null ? null : DispositionParams.get(disposition, "name");
      this.filename = disposition == null ? null : DispositionParams.get(disposition, "filename");
      this.body = Okio.buffer(new PartSource()).inputStream();
    }

    @Override public Headers headers() { return headers; }

    @Override public String name() { return name; }

    @Override public String filename() { return filename; }

    @Override
    public String contentType() {
      String type = headers.get("Content-Type");
      return type == null ? "text/plain" : type;
    }

    @Override public InputStream body() { return body; }

    void skipRest() throws IOException {
      byte[] discard = new byte[8192];
      while (!ended && body.read(discard) >= 0) {
        // skipping the rest of the part
      }
    }

    private final class PartSource implements Source {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (ended || current != PartImpl.this) return -1;
        in.request(delimiter.size() + WINDOW);
        if (buffer.size() < delimiter.size()) throw truncated();
        long at = buffer.indexOf(delimiter);
        if (at == 0) {
          ended = true;
          return -1;
        }
        long available = at > 0 ? at : buffer.size() - delimiter.size() + 1;
        long n = Math.min(available, byteCount);
        sink.write(buffer, n);
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
}
