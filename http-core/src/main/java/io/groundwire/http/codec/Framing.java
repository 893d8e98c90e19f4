package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.Status;
import java.util.List;
import java.util.Objects;
import okio.BufferedSource;
import okio.Source;

/**
 * How a message body is delimited (RFC 9112 §6): not at all, by a Content-Length, by the chunked
 * coding, or (responses only) by the server closing the connection. Decide it with
 * {@link #forRequest} or {@link #forResponse}, then read the body through {@link #bodySource}.
 *
 * @param kind the kind of framing
 * @param contentLength the body length for {@link Kind#FIXED}, otherwise -1
 */
public record Framing(Kind kind, long contentLength) {
  /** The kinds of body framing. */
  public enum Kind {
    /** No body at all. */
    NONE,
    /** Exactly {@link #contentLength()} bytes (Content-Length). */
    FIXED,
    /** Transfer-Encoding: chunked. */
    CHUNKED,
    /** The body runs until the server closes the connection (responses only). */
    CLOSE_DELIMITED
  }

  /** No body. */
  public static final Framing NONE = new Framing(Kind.NONE, -1);
  /** A chunked body. */
  public static final Framing CHUNKED = new Framing(Kind.CHUNKED, -1);
  /** A body delimited by the end of the connection. */
  public static final Framing CLOSE_DELIMITED = new Framing(Kind.CLOSE_DELIMITED, -1);

  /** Checks that {@code contentLength} is set exactly for {@link Kind#FIXED}. */
  public Framing {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.FIXED) != (contentLength >= 0)) {
      throw new IllegalArgumentException("contentLength " + contentLength + " with " + kind);
    }
  }

  /**
   * A body of exactly {@code length} bytes.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static Framing fixed(long length) {
    if (length < 0) throw new IllegalArgumentException("negative length: " + length);
    return new Framing(Kind.FIXED, length);
  }

  /** True if there is certainly no body content: {@link Kind#NONE} or a length of zero. */
  public boolean isEmpty() {
    return kind == Kind.NONE || contentLength == 0;
  }

  /**
   * The framing of a request body (RFC 9112 §6.3). Transfer-Encoding {@code chunked} gives
   * {@link #CHUNKED}; a valid Content-Length gives {@link #fixed}; neither gives {@link #NONE}.
   *
   * @throws HttpProtocolException 400 for Content-Length together with Transfer-Encoding (a
   *     request smuggling vector), Transfer-Encoding in an HTTP/1.0 request, an invalid
   *     Content-Length or several differing ones, {@code chunked} applied twice or not last, or an
   *     empty Transfer-Encoding; 501 for any other transfer coding (we implement only chunked,
   *     like nginx); 413 for a Content-Length
   *     too large to represent
   */
  public static Framing forRequest(RequestHead head) throws HttpProtocolException {
    Headers headers = head.headers();
    boolean hasTransferEncoding = headers.contains("Transfer-Encoding");
    if (hasTransferEncoding) {
      // RFC 9112 §6.3 (3): a request with both is rejected (and the connection closed).
      if (headers.contains("Content-Length")) {
        throw HttpProtocolException.badRequest("both Content-Length and Transfer-Encoding");
      }
      // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
      if (head.version() == HttpVersion.HTTP_1_0) {
        throw HttpProtocolException.badRequest("Transfer-Encoding in an HTTP/1.0 request");
      }
      List<String> codings = headers.elements("Transfer-Encoding");
      if (codings.isEmpty()) throw HttpProtocolException.badRequest("empty Transfer-Encoding");
      int chunked = 0;
      String other = null;
      for (String coding : codings) {
        if (coding.equalsIgnoreCase("chunked")) chunked++;
        else if (other == null) other = coding;
      }
      // RFC 9112 §6.3 (4): chunked present but not the final coding leaves the length unknown.
      if (chunked > 0 && !codings.get(codings.size() - 1).equalsIgnoreCase("chunked")) {
        throw HttpProtocolException.badRequest("chunked is not the final transfer coding");
      }
      // We only implement chunked, so any other coding (even before a final chunked) is 501.
      if (other != null) throw HttpProtocolException.notImplemented("unsupported transfer coding: " + other);
      if (chunked > 1) throw HttpProtocolException.badRequest("chunked applied more than once");
      return CHUNKED;
    }
    long length = contentLength(headers, false);
    return length < 0 ? NONE : fixed(length);
  }

  /**
   * The framing of a response to a request with {@code requestMethod} (RFC 9112 §6.3): none for
   * HEAD, 1xx, 204 and 304 and for 2xx to CONNECT; chunked when chunked is the final transfer
   * coding; close-delimited for another transfer coding; fixed for a valid Content-Length (which
   * Transfer-Encoding overrides); otherwise close-delimited.
   *
   * @throws HttpProtocolException 502 for an invalid Content-Length or differing ones
   */
  public static Framing forResponse(Method requestMethod, ResponseHead head)
      throws HttpProtocolException {
    Status status = head.status();
    int code = status.code();
    if (requestMethod.equals(Method.HEAD) || status.isInformational() || code == 204 || code == 304) {
      return NONE;
    }
    if (requestMethod.equals(Method.CONNECT) && status.isSuccess()) return NONE;
    Headers headers = head.headers();
    if (headers.contains("Transfer-Encoding")) {
      List<String> codings = headers.elements("Transfer-Encoding");
      boolean chunkedLast =
          !codings.isEmpty() && codings.get(codings.size() - 1).equalsIgnoreCase("chunked");
      return chunkedLast && head.version() == HttpVersion.HTTP_1_1 ? CHUNKED : CLOSE_DELIMITED;
    }
    long length = contentLength(headers, true);
    return length < 0 ? CLOSE_DELIMITED : fixed(length);
  }

  /**
   * A source of this body's bytes, read from {@code in} (which must be positioned just after the
   * head). It never reads past the body, except for {@link Kind#CLOSE_DELIMITED}.
   *
   * @param limits bounds chunk extensions and trailers of a chunked body
   */
  public Source bodySource(BufferedSource in, Limits limits) {
    return switch (kind) {
      case NONE -> new FixedLengthSource(in, 0);
      case FIXED -> new FixedLengthSource(in, contentLength);
      case CHUNKED -> new ChunkedSource(in, limits);
      case CLOSE_DELIMITED -> new UntilCloseSource(in);
    };
  }

  /**
   * The value of the Content-Length fields, or -1 if there are none. RFC 9112 §6.3 (5): repeated
   * or comma-separated copies of the same value are accepted, differing ones are not.
   */
  private static long contentLength(Headers headers, boolean response) throws HttpProtocolException {
    long length = -1;
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      if (name.length() != 14 || !name.equalsIgnoreCase("Content-Length")) continue;
      String value = headers.value(i);
      int start = 0;
      while (true) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        long parsed = parseLength(value, start, end, response);
        if (length >= 0 && parsed != length) {
          throw error(response, "differing Content-Length values");
        }
        length = parsed;
        if (comma < 0) break;
        start = comma + 1;
      }
    }
    return length;
  }

  private static long parseLength(String value, int start, int end, boolean response)
      throws HttpProtocolException {
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) start++;
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) end--;
    if (start == end) throw error(response, "empty Content-Length");
    long result = 0;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') throw error(response, "invalid Content-Length");
      if (result > (Long.MAX_VALUE - 9) / 10) {
        throw response
            ? HttpProtocolException.badResponse("Content-Length too large")
            : HttpProtocolException.contentTooLarge("Content-Length too large");
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  private static HttpProtocolException error(boolean response, String why) {
    return response ? HttpProtocolException.badResponse(why) : HttpProtocolException.badRequest(why);
  }
}
