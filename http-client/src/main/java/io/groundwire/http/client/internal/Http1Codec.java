package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.internal.Syntax;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.RequestBody;
import io.groundwire.http.codec.ChunkedSink;
import io.groundwire.http.codec.ChunkedSource;
import io.groundwire.http.codec.FixedLengthSink;
import io.groundwire.http.codec.Framing;
import io.groundwire.http.codec.HeadWriter;
import io.groundwire.http.codec.Limits;
import io.groundwire.http.codec.ResponseHead;
import io.groundwire.http.codec.ResponseHeadReader;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
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
  record Body(Source source, Supplier<Headers> trailers, Supplier<List<String>> extensions, long length,
      boolean reusable) {}

  private static final Supplier<List<String>> NO_EXTENSIONS = List::of;

  private static final ResponseHeadReader RESPONSE_HEAD_READER = new ResponseHeadReader(Limits.RESPONSE_DEFAULTS);

  /**
   * Writes the request head into {@code sink}'s buffer without flushing (RFC 9112 §3): the request
   * line, {@code Host}, the fields the client adds (User-Agent, Accept-Encoding, Content-Type,
   * Content-Length or Transfer-Encoding) unless the caller set them, then the caller's fields and
   * the empty line through http-core's {@link HeadWriter}. The caller's {@link Headers} were
   * validated when built, and the URL's path and query are percent-encoded, so nothing here can
   * inject a field.
   */
  static void writeRequestHead(BufferedSink sink, Request request, String userAgent, boolean acceptGzip)
      throws IOException {
    // A custom body's type does not come through Headers' checks: a CR or LF in it would inject
    // fields. (The User-Agent was checked once, when the client was built.)
    if (request.body() != null && request.body().contentType() != null) {
      Syntax.checkFieldValue("Content-Type", request.body().contentType());
    }
    Headers headers = request.headers();
    boolean noUserHeaders = headers.isEmpty();
    if (!noUserHeaders && (headers.contains("Content-Length") || headers.contains("Transfer-Encoding"))) {
      // RFC 9112 §6: the body's framing is the client's to declare; a second, different length
      // from the caller would let a server and a proxy disagree on where the message ends.
      headers = headers.toBuilder().removeAll("Content-Length").removeAll("Transfer-Encoding").build();
    }
    sink.writeUtf8(request.method().name()).writeByte(' ').writeUtf8(request.url().encodedPath());
    String query = request.url().encodedQuery();
    if (query != null) {
      sink.writeByte('?').writeUtf8(query);
    }
    sink.write(HTTP_1_1_CRLF);
    if (noUserHeaders || !headers.contains("Host")) {
      sink.write(HOST).writeUtf8(request.url().hostHeader()).write(CRLF);
    }
    if (userAgent != null && (noUserHeaders || !headers.contains("User-Agent"))) {
      sink.write(USER_AGENT).writeUtf8(userAgent).write(CRLF);
    }
    if (acceptGzip) {
      sink.write(ACCEPT_GZIP);
    }
    RequestBody body = request.body();
    if (body != null) {
      if (body.contentType() != null && (noUserHeaders || !headers.contains("Content-Type"))) {
        sink.write(CONTENT_TYPE).writeUtf8(body.contentType()).write(CRLF);
      }
      long length = body.contentLength();
      if (length >= 0) {
        sink.write(CONTENT_LENGTH).writeDecimalLong(length).write(CRLF);
      } else {
        sink.write(CHUNKED);
      }
    } else if (request.method() == Method.POST || request.method() == Method.PUT || request.method() == Method.PATCH) {
      // RFC 9110 §8.6: send Content-Length: 0 when a method defines a meaning for content but there is none
      sink.write(CONTENT_LENGTH).writeByte('0').write(CRLF);
    }
    HeadWriter.writeFields(sink, headers);
  }

  private static final byte[] CRLF = ascii("\r\n");
  private static final byte[] HTTP_1_1_CRLF = ascii(" HTTP/1.1\r\n");
  private static final byte[] HOST = ascii("Host: ");
  private static final byte[] USER_AGENT = ascii("User-Agent: ");
  private static final byte[] ACCEPT_GZIP = ascii("Accept-Encoding: gzip, deflate\r\n");
  private static final byte[] CONTENT_TYPE = ascii("Content-Type: ");
  private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
  private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Writes the whole request body, framed by length or chunked, flushing at the end. Returns the bytes written. */
  static long writeBody(BufferedSink sink, RequestBody body) throws IOException {
    long length = body.contentLength();
    Sink framed = length >= 0 ? new FixedLengthSink(sink, length) : new ChunkedSink(sink);
    CountingSink counting = new CountingSink(framed);
    BufferedSink buffered = Okio.buffer(counting);
    body.writeTo(buffered);
    buffered.close(); // completes the framing: checks the length or writes the last chunk
    sink.flush();
    return counting.bytes();
  }

  /** Reads one response head: status line and header section. */
  static ResponseHead readResponseHead(BufferedSource source) throws IOException {
    ResponseHead head = RESPONSE_HEAD_READER.read(source);
    if (head == null) {
      throw new EOFException("stream ended before a response head");
    }
    return head;
  }

  /** The body framing of a response to {@code method} (RFC 9112 §6.3), by http-core's {@link Framing}. */
  static Body responseBody(Method method, ResponseHead head, BufferedSource source) throws IOException {
    Framing framing = Framing.forResponse(method, head);
    Source framed = framing.bodySource(source, Limits.RESPONSE_DEFAULTS);
    Source body = framing.kind() == Framing.Kind.NONE ? framed : removeTransferCodings(head, framed);
    boolean decoded = body != framed;
    return switch (framing.kind()) {
      case NONE -> new Body(body, null, NO_EXTENSIONS, 0, true);
      case FIXED -> new Body(body, null, NO_EXTENSIONS, decoded ? -1 : framing.contentLength(), true);
      case CHUNKED -> new Body(body, ((ChunkedSource) framed)::trailers, ((ChunkedSource) framed)::extensions, -1, true);
      case CLOSE_DELIMITED -> new Body(body, null, NO_EXTENSIONS, -1, false);
    };
  }

  /**
   * Undoes the transfer codings other than a final {@code chunked} (which the framing removed),
   * last applied first (RFC 9112 §6.1, §7). We never send {@code TE}, so a server should use no
   * other coding (RFC 9110 §10.1.4); when one does anyway, gzip and deflate are decoded rather than
   * handed over as the body, and anything else is an error.
   *
   * @throws HttpProtocolException 502 for a coding this client cannot decode, chunked not last, or
   *     any Transfer-Encoding in an HTTP/1.0 response (faulty framing, RFC 9112 §6.1)
   */
  private static Source removeTransferCodings(ResponseHead head, Source framed) throws HttpProtocolException {
    if (!head.headers().contains("Transfer-Encoding")) return framed;
    if (head.version() != HttpVersion.HTTP_1_1) {
      throw HttpProtocolException.badResponse("Transfer-Encoding in an HTTP/1.0 response");
    }
    List<String> codings = head.headers().elements("Transfer-Encoding");
    int end = codings.size();
    if (end > 0 && codings.get(end - 1).equalsIgnoreCase("chunked")) end--;
    Source body = framed;
    for (int i = end - 1; i >= 0; i--) {
      String coding = codings.get(i);
      if (coding.equalsIgnoreCase("identity")) continue;
      if (!ContentDecoding.supports(coding)) {
        throw HttpProtocolException.badResponse("unsupported transfer coding: " + coding);
      }
      body = ContentDecoding.decode(coding, Okio.buffer(body));
    }
    return body;
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
