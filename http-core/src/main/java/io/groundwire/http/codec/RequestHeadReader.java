package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.internal.FieldLines;
import io.groundwire.http.internal.Syntax;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads request heads (RFC 9112 §2-§5) strictly and within {@link Limits}. Stateless and
 * thread-safe: one instance can serve every connection. Reads exactly the head's bytes, leaving
 * the body and any pipelined request in the source. The request line is checked as soon as it
 * has arrived, so a bad one fails before the header fields are awaited.
 *
 * <p>Failures, each an {@link HttpProtocolException} with the status to answer:
 *
 * <ul>
 *   <li>414 for a request line longer than {@link Limits#maxRequestLineLength()};
 *   <li>431 for a header section larger than {@link Limits#maxHeaderSectionSize()} or with more
 *       than {@link Limits#maxHeaderCount()} fields;
 *   <li>505 for an HTTP version other than 1.x (e.g. {@code HTTP/2.0});
 *   <li>400 for everything malformed: a method that is not a token (refused at the first byte
 *       that cannot start one, without waiting for the rest), a target with spaces, control or
 *       non-ASCII characters or in a form its method does not allow, an absolute-form http(s)
 *       target with an empty or invalid authority or with userinfo, a malformed version,
 *       a line ending in a bare LF, a bare CR, whitespace before a colon, obs-fold, NUL or control
 *       characters in a value, an HTTP/1.1 request without exactly one valid {@code Host}.
 * </ul>
 */
public final class RequestHeadReader {
  private final Limits limits;

  /** A reader enforcing {@code limits}. */
  public RequestHeadReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A reader enforcing {@link Limits#DEFAULTS}. */
  public RequestHeadReader() {
    this(Limits.DEFAULTS);
  }

  /**
   * Reads the next request head. Empty lines (CRLF) before the request line are skipped (RFC 9112
   * §2.2), up to the request-line limit.
   *
   * @return the head, or null if the stream ended cleanly before any byte of a request line (an
   *     idle keep-alive connection closed by the client)
   * @throws HttpProtocolException with the status to answer (see the class description)
   * @throws EOFException if the stream ended in the middle of the head
   * @throws IOException if reading fails (including a timeout of the source)
   */
  public RequestHead read(BufferedSource source) throws IOException {
    Buffer buffer = source.getBuffer();
    int skipped = 0;
    while (true) {
      if (!source.request(1)) return null;
      byte b = buffer.getByte(0);
      if (b != '\r' && b != '\n') break;
      if (b == '\n' || !source.request(2) || buffer.getByte(1) != '\n') {
        if (b == '\r' && buffer.size() < 2) return null; // ended after a lone CR: nothing sent
        throw HttpProtocolException.badRequest("empty line before request line is not CRLF");
      }
      buffer.skip(2);
      skipped += 2;
      if (skipped > limits.maxRequestLineLength()) {
        throw HttpProtocolException.badRequest("too many empty lines before the request line");
      }
    }

    // A request line starts with a method: anything else (a TLS ClientHello on the plain port,
    // binary noise) is refused at its first byte, rather than after waiting for a whole head.
    byte first = buffer.getByte(0);
    if (!Syntax.isTchar(first)) {
      String hint = first == 0x16 ? " (a TLS handshake sent to a plain HTTP port?)" : "";
      throw HttpProtocolException.badRequest(
          "request line starts with " + Syntax.describe(first & 0xff) + ", not a method" + hint);
    }
    long lf = FieldLines.findLineEnd(source, 0, limits.maxRequestLineLength() + 2L);
    if (lf == -2) {
      throw HttpProtocolException.uriTooLong(
          "request line longer than " + limits.maxRequestLineLength() + " bytes");
    }
    if (lf == -1) throw new EOFException("stream ended in the middle of the request line");
    // The line is checked before the fields are awaited: a bad one is answered at once.
    byte[] line = source.readByteArray(lf + 1);
    int lineEnd = (int) lf - 1;
    if (lineEnd < 0 || line[lineEnd] != '\r') {
      throw HttpProtocolException.badRequest("request line ends with a bare LF, not CRLF");
    }
    RequestLine requestLine = parseRequestLine(line, lineEnd);

    Headers headers;
    try {
      long end = FieldLines.scan(
          source, 0, limits.maxHeaderSectionSize(), limits.maxHeaderCount(), false, "header");
      byte[] fields = source.readByteArray(end);
      headers = FieldLines.parse(fields, 0, fields.length - 2, false, "header");
      if (requestLine.version() == HttpVersion.HTTP_1_1) checkHost(headers);
    } catch (HttpProtocolException e) {
      throw e.withRequestLine(new String(line, 0, lineEnd, StandardCharsets.ISO_8859_1));
    }
    return new RequestHead(requestLine.method(), requestLine.target(), requestLine.version(), headers);
  }

  private record RequestLine(Method method, String target, HttpVersion version) {}

  // RFC 9112 §3: request-line = method SP request-target SP HTTP-version
  private static RequestLine parseRequestLine(byte[] a, int lineEnd) throws HttpProtocolException {
    int i = 0;
    while (i < lineEnd && Syntax.isTchar(a[i])) i++;
    if (i == 0 || i == lineEnd || a[i] != ' ') {
      throw HttpProtocolException.badRequest(
          i == lineEnd ? "request line has no target" : "malformed method in request line");
    }
    Method method = method(a, i);
    int targetStart = ++i;
    while (i < lineEnd && a[i] > 0x20 && a[i] < 0x7f) i++;
    if (i == targetStart || i == lineEnd || a[i] != ' ') {
      if (i < lineEnd && a[i] != ' ') {
        throw HttpProtocolException.badRequest(
            "invalid character " + Syntax.describe(a[i] & 0xff) + " in request target");
      }
      throw HttpProtocolException.badRequest(
          i == targetStart ? "empty request target" : "request line has no HTTP version");
    }
    String target = new String(a, targetStart, i - targetStart, StandardCharsets.ISO_8859_1);
    HttpVersion version = version(a, i + 1, lineEnd);
    checkTarget(method, target);
    return new RequestLine(method, target, version);
  }

  private static Method method(byte[] a, int length) {
    Method known = switch (length) {
      case 3 -> a[0] == 'G' && a[1] == 'E' && a[2] == 'T' ? Method.GET
          : a[0] == 'P' && a[1] == 'U' && a[2] == 'T' ? Method.PUT : null;
      case 4 -> a[0] == 'P' && a[1] == 'O' && a[2] == 'S' && a[3] == 'T' ? Method.POST
          : a[0] == 'H' && a[1] == 'E' && a[2] == 'A' && a[3] == 'D' ? Method.HEAD : null;
      default -> null;
    };
    return known != null ? known : Method.of(new String(a, 0, length, StandardCharsets.ISO_8859_1));
  }

  private static HttpVersion version(byte[] a, int start, int end) throws HttpProtocolException {
    // RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive.
    if (end - start != 8
        || a[start] != 'H' || a[start + 1] != 'T' || a[start + 2] != 'T' || a[start + 3] != 'P'
        || a[start + 4] != '/' || !isDigit(a[start + 5]) || a[start + 6] != '.'
        || !isDigit(a[start + 7])) {
      throw HttpProtocolException.badRequest("malformed HTTP version in request line");
    }
    return HttpVersion.of(a[start + 5] - '0', a[start + 7] - '0');
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  // RFC 9112 §3.2: which target forms each method may use.
  private static void checkTarget(Method method, String target) throws HttpProtocolException {
    if (target.indexOf('#') >= 0) {
      throw HttpProtocolException.badRequest("fragment in request target");
    }
    if (method.equals(Method.CONNECT)) {
      if (!Hosts.isAuthorityWithPort(target)) {
        throw HttpProtocolException.badRequest("CONNECT target must be host:port");
      }
    } else if (target.equals("*")) {
      if (!method.equals(Method.OPTIONS)) {
        throw HttpProtocolException.badRequest("asterisk-form target is only allowed for OPTIONS");
      }
    } else if (target.charAt(0) != '/') {
      if (!Hosts.isAbsoluteUri(target)) {
        throw HttpProtocolException.badRequest("request target is neither a path nor an absolute URI");
      }
      if (!Hosts.hasValidHttpAuthority(target)) {
        throw HttpProtocolException.badRequest("invalid authority in absolute-form request target");
      }
    }
  }

  // RFC 9112 §3.2: a 1.1 request without Host, with several, or with an invalid one gets 400.
  private static void checkHost(Headers headers) throws HttpProtocolException {
    String host = null;
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      if (name.length() == 4 && name.equalsIgnoreCase("Host")) {
        if (host != null) throw HttpProtocolException.badRequest("more than one Host header");
        host = headers.value(i);
      }
    }
    if (host == null) throw HttpProtocolException.badRequest("missing Host header");
    if (!Hosts.isValidHostHeader(host)) throw HttpProtocolException.badRequest("invalid Host header");
  }
}
