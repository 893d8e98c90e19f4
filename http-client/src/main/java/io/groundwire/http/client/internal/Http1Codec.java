package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.Method;
import io.groundwire.http.client.Request;
import io.groundwire.http.codec.ChunkedSource;
import io.groundwire.http.codec.Framing;
import io.groundwire.http.codec.Limits;
import io.groundwire.http.codec.ResponseHead;
import io.groundwire.http.client.RequestBody;
import java.io.IOException;
import java.util.function.Supplier;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Sink;
import okio.Source;

/**
 * The client's side of HTTP/1.1 message syntax (RFC 9112), on http-core's codec: writes request
 * heads and bodies, reads response heads, and chooses the response body's framing.
 */
final class Http1Codec {
  private Http1Codec() {}

  /**
   * A response body as framed on the wire: its source, its trailers (chunked only), its length
   * (0 for none, -1 when not known in advance), and whether the connection can carry another
   * exchange after it (false when the body ends with the connection).
   */
  record Body(Source source, Supplier<Headers> trailers, long length, boolean reusable) {}

  /** Writes the request line and header section in one pass into {@code sink}'s buffer (RFC 9112 §3). */
  static void writeRequestHead(BufferedSink sink, Request request, String userAgent, boolean acceptGzip)
      throws IOException {
    Headers headers = request.headers();
    sink.writeUtf8(request.method().name()).writeByte(' ')
        .writeUtf8(request.url().encodedPath());
    String query = request.url().encodedQuery();
    if (query != null) {
      sink.writeByte('?').writeUtf8(query);
    }
    sink.writeUtf8(" HTTP/1.1\r\n");
    if (!headers.contains("Host")) {
      sink.writeUtf8("Host: ").writeUtf8(request.url().hostHeader()).writeUtf8("\r\n");
    }
    for (int i = 0, size = headers.size(); i < size; i++) {
      sink.writeUtf8(headers.name(i)).writeUtf8(": ").writeUtf8(headers.value(i)).writeUtf8("\r\n");
    }
    if (userAgent != null && !headers.contains("User-Agent")) {
      sink.writeUtf8("User-Agent: ").writeUtf8(userAgent).writeUtf8("\r\n");
    }
    if (acceptGzip) {
      sink.writeUtf8("Accept-Encoding: gzip, deflate\r\n");
    }
    RequestBody body = request.body();
    if (body != null) {
      if (body.contentType() != null && !headers.contains("Content-Type")) {
        sink.writeUtf8("Content-Type: ").writeUtf8(body.contentType()).writeUtf8("\r\n");
      }
      long length = body.contentLength();
      if (length >= 0) {
        sink.writeUtf8("Content-Length: ").writeDecimalLong(length).writeUtf8("\r\n");
      } else {
        sink.writeUtf8("Transfer-Encoding: chunked\r\n");
      }
    } else if (request.method() == Method.POST || request.method() == Method.PUT || request.method() == Method.PATCH) {
      // RFC 9110 §8.6: a user agent should send Content-Length for a request without content
      // when the method defines a meaning for enclosed content.
      sink.writeUtf8("Content-Length: 0\r\n");
    }
    sink.writeUtf8("\r\n");
  }

  /** Writes the whole request body, framed by length or chunked, flushing at the end. Returns the bytes written. */
  static long writeBody(BufferedSink sink, RequestBody body) throws IOException {
    long length = body.contentLength();
    Sink framed = length >= 0 ? CoreCodec.fixedLengthSink(sink, length) : CoreCodec.chunkedSink(sink);
    CountingSink counting = new CountingSink(framed);
    BufferedSink buffered = Okio.buffer(counting);
    body.writeTo(buffered);
    buffered.close(); // completes the framing: checks the length or writes the last chunk
    sink.flush();
    return counting.bytes();
  }

  /** Reads one response head: status line and header section. */
  static ResponseHead readResponseHead(BufferedSource source) throws IOException {
    return CoreCodec.readResponseHead(source);
  }

  /** The body framing of a response to {@code method} (RFC 9112 §6.3), by http-core's {@link Framing}. */
  static Body responseBody(Method method, ResponseHead head, BufferedSource source) throws IOException {
    Framing framing = Framing.forResponse(method, head);
    Source body = framing.bodySource(source, Limits.RESPONSE_DEFAULTS);
    return switch (framing.kind()) {
      case NONE -> new Body(body, null, 0, true);
      case FIXED -> new Body(body, null, framing.contentLength(), true);
      case CHUNKED -> new Body(body, ((ChunkedSource) body)::trailers, -1, true);
      case CLOSE_DELIMITED -> new Body(body, null, -1, false);
    };
  }

  /** True when the request carries {@code Expect: 100-continue}. */
  static boolean expectsContinue(Request request) {
    String expect = request.header("Expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  /** True when the headers carry the {@code close} connection option. */
  static boolean asksToClose(Headers headers) {
    return headers.contains("Connection") && headers.hasToken("Connection", "close");
  }

  /** RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive". */
  static boolean keepAlive(ResponseHead head) {
    return head.keepAlive();
  }

  /** Counts the bytes of the request body. */
  private static final class CountingSink extends okio.ForwardingSink {
    private long bytes;

    CountingSink(Sink delegate) {
      super(delegate);
    }

    @Override
    public void write(okio.Buffer source, long byteCount) throws IOException {
      super.write(source, byteCount);
      bytes += byteCount;
    }

    long bytes() {
      return bytes;
    }
  }
}
