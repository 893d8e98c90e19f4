package io.groundwire.http.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.BufferedSource;

/**
 * Finds and parses field lines (RFC 9112 §5) for heads and trailers, strictly: token names, no
 * whitespace before the colon, no obs-fold, CRLF line ends only, no CR, NUL or other control
 * characters in values. Errors carry 400/431 for requests and 502 for responses.
 */
public final class FieldLines {
  private FieldLines() {}

  /** A malformed message: 400 when reading a request, 502 when reading a response. */
  public static HttpProtocolException malformed(boolean response, String why) {
    return response ? HttpProtocolException.badResponse(why) : HttpProtocolException.badRequest(why);
  }

  /**
   * The index of the LF ending the line that starts at {@code from}, reading more input as needed
   * but never buffering past {@code toIndex}. Returns -1 at end of stream and -2 when the line
   * would reach {@code toIndex}.
   */
  public static long findLineEnd(BufferedSource source, long from, long toIndex) throws IOException {
    long lf = source.indexOf((byte) '\n', from, toIndex);
    if (lf >= 0) return lf;
    return source.getBuffer().size() >= toIndex ? -2 : -1;
  }

  /**
   * Scans (without consuming) the field lines starting at buffer index {@code from} through the
   * empty line ending them, and returns the index just past that line's LF.
   *
   * @param maxSectionSize bytes allowed for all field lines including their CRLFs and the final one
   * @param what "header" or "trailer", for messages
   * @throws HttpProtocolException 431 (requests) or 502 (responses) past a limit, 400/502 for a
   *     bare LF ending the section
   * @throws EOFException if the stream ends before the section does
   */
  public static long scan(
      BufferedSource source, long from, long maxSectionSize, int maxCount, boolean response,
      String what) throws IOException {
    long pos = from;
    long toIndex = from + maxSectionSize;
    int count = 0;
    while (true) {
      long lf = findLineEnd(source, pos, toIndex);
      if (lf == -2) {
        throw tooLarge(response, what + " section larger than " + maxSectionSize + " bytes");
      }
      if (lf == -1) {
        throw new EOFException("stream ended in the middle of the " + what + " section");
      }
      if (lf == pos) throw malformed(response, what + " section ends with a bare LF");
      if (lf == pos + 1 && source.getBuffer().getByte(pos) == '\r') return lf + 1;
      if (++count > maxCount) throw tooLarge(response, "more than " + maxCount + " " + what + " fields");
      pos = lf + 1;
    }
  }

  private static HttpProtocolException tooLarge(boolean response, String why) {
    return response
        ? HttpProtocolException.badResponse(why)
        : HttpProtocolException.headerFieldsTooLarge(why);
  }

  /**
   * Parses the field lines in {@code a[pos, end)}, where {@code end} is the index of the CR of the
   * empty line that ends the section (so every line in range ends with LF).
   */
  public static Headers parse(byte[] a, int pos, int end, boolean response, String what)
      throws HttpProtocolException {
    if (pos >= end) return Trusted.headers(new String[0]);
    String[] nv = new String[16];
    int n = 0;
    while (pos < end) {
      int lf = pos;
      while (a[lf] != '\n') lf++;
      int lineEnd = lf - 1;
      if (lineEnd < pos || a[lineEnd] != '\r') {
        throw malformed(response, what + " line ends with a bare LF, not CRLF");
      }
      byte first = a[pos];
      if (first == ' ' || first == '\t') {
        // RFC 9112 §5.2: obs-fold is rejected (we are not a user agent).
        throw malformed(response, "obsolete line folding in " + what + " section");
      }
      int i = pos;
      while (i < lineEnd && Syntax.isTchar(a[i])) i++;
      if (i == lineEnd || a[i] != ':') {
        int c = a[i] & 0xff;
        if (i < lineEnd && (c == ' ' || c == '\t')) {
          // RFC 9112 §5.1: whitespace between field name and colon MUST be rejected with 400.
          throw malformed(response, "whitespace between " + what + " field name and colon");
        }
        throw malformed(response, i == lineEnd
            ? what + " line without a colon"
            : "invalid character " + Syntax.describe(c) + " in " + what + " field name");
      }
      if (i == pos) throw malformed(response, "empty " + what + " field name");
      String name = HeaderNames.name(a, pos, i - pos);
      int vs = i + 1;
      while (vs < lineEnd && Syntax.isOws(a[vs])) vs++;
      int ve = lineEnd;
      while (ve > vs && Syntax.isOws(a[ve - 1])) ve--;
      for (int j = vs; j < ve; j++) {
        if (!Syntax.isFieldValueByte(a[j])) {
          throw malformed(response, a[j] == '\r'
              ? "bare CR in " + what + " field " + name
              : "invalid character " + Syntax.describe(a[j] & 0xff) + " in " + what + " field " + name);
        }
      }
      String value = ve == vs ? "" : new String(a, vs, ve - vs, StandardCharsets.ISO_8859_1);
      if (n == nv.length) nv = Arrays.copyOf(nv, n * 2);
      nv[n++] = name;
      nv[n++] = value;
      pos = lf + 1;
    }
    return Trusted.headers(n == nv.length ? nv : Arrays.copyOf(nv, n));
  }
}
