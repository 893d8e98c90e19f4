package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Status;
import io.groundwire.http.internal.FieldLines;
import io.groundwire.http.internal.Syntax;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.BufferedSource;

/**
 * Reads response heads (RFC 9112 §4) strictly and within {@link Limits} (usually
 * {@link Limits#RESPONSE_DEFAULTS}). Stateless and thread-safe. Reads exactly the head's bytes,
 * leaving the body in the source. An interim 1xx head is returned like any other: the caller reads
 * again for the final response.
 *
 * <p>Every malformed or oversized head fails with {@link HttpProtocolException} 502 (Bad Gateway,
 * what a proxy would answer) whose message names the problem: a malformed status line, an HTTP
 * version other than 1.x, a status code outside 100..999, a too long status line or header
 * section, too many fields, or a field broken as described in {@link RequestHeadReader}, except
 * that obsolete line folding is accepted and replaced by one space, as RFC 9112 §5.2 requires of a
 * user agent.
 */
public final class ResponseHeadReader {
  private final Limits limits;

  /** A reader enforcing {@code limits}. */
  public ResponseHeadReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A reader enforcing {@link Limits#RESPONSE_DEFAULTS}. */
  public ResponseHeadReader() {
    this(Limits.RESPONSE_DEFAULTS);
  }

  /**
   * Reads the next response head.
   *
   * @return the head, or null if the stream ended before any byte (e.g. the server closed a pooled
   *     connection)
   * @throws HttpProtocolException 502 for a malformed or oversized head
   * @throws EOFException if the stream ended in the middle of the head
   * @throws IOException if reading fails (including a timeout of the source)
   */
  public ResponseHead read(BufferedSource source) throws IOException {
    if (!source.request(1)) return null;
    long lf = FieldLines.findLineEnd(source, 0, limits.maxRequestLineLength() + 2L);
    if (lf == -2) {
      throw HttpProtocolException.badResponse(
          "status line longer than " + limits.maxRequestLineLength() + " bytes");
    }
    if (lf == -1) throw new EOFException("stream ended in the middle of the status line");
    long end = FieldLines.scan(
        source, lf + 1, limits.maxHeaderSectionSize(), limits.maxHeaderCount(), true, "header");
    byte[] head = source.readByteArray(end);
    int lineEnd = (int) lf - 1;
    if (lineEnd < 0 || head[lineEnd] != '\r') {
      throw HttpProtocolException.badResponse("status line ends with a bare LF, not CRLF");
    }
    Headers headers = FieldLines.parse(head, (int) lf + 1, head.length - 2, true, "header");
    return parseStatusLine(head, lineEnd, headers);
  }

  // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
  private static ResponseHead parseStatusLine(byte[] a, int lineEnd, Headers headers)
      throws HttpProtocolException {
    if (lineEnd < 12
        || a[0] != 'H' || a[1] != 'T' || a[2] != 'T' || a[3] != 'P' || a[4] != '/'
        || !isDigit(a[5]) || a[6] != '.' || !isDigit(a[7]) || a[8] != ' '
        || !isDigit(a[9]) || !isDigit(a[10]) || !isDigit(a[11])
        || (lineEnd > 12 && a[12] != ' ')) {
      throw HttpProtocolException.badResponse("malformed status line: " + preview(a, lineEnd));
    }
    if (a[5] != '1') {
      throw HttpProtocolException.badResponse(
          "unsupported HTTP version in status line: " + preview(a, 8));
    }
    HttpVersion version = a[7] == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    int code = (a[9] - '0') * 100 + (a[10] - '0') * 10 + (a[11] - '0');
    if (code < 100) throw HttpProtocolException.badResponse("status code below 100: " + code);
    // A missing SP after the code is tolerated: many servers send "HTTP/1.1 200" (RFC 9112 §4).
    int reasonStart = Math.min(13, lineEnd);
    for (int i = reasonStart; i < lineEnd; i++) {
      int c = a[i] & 0xff;
      if (!Syntax.isFieldValueByte(c)) {
        throw HttpProtocolException.badResponse(
            "invalid character " + Syntax.describe(c) + " in reason phrase");
      }
    }
    Status status = Status.of(code);
    String reason = reasonStart == lineEnd
        ? ""
        : status.reason().length() == lineEnd - reasonStart && matches(status.reason(), a, reasonStart)
            ? status.reason()
            : new String(a, reasonStart, lineEnd - reasonStart, StandardCharsets.ISO_8859_1);
    return new ResponseHead(version, status, reason, headers);
  }

  private static boolean matches(String s, byte[] a, int offset) {
    for (int i = 0; i < s.length(); i++) {
      if (a[offset + i] != (byte) s.charAt(i)) return false;
    }
    return true;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  // At most 40 printable bytes, for error messages.
  private static String preview(byte[] a, int end) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(end, 40); i++) {
      int c = a[i] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return sb.toString();
  }
}
