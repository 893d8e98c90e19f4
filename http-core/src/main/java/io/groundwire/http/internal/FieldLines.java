package io.groundwire.http.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Finds and parses field lines (RFC 9112 §5) for heads and trailers, strictly: token names, no
 * whitespace before the colon, no obs-fold in requests (in responses it is unfolded into one SP,
 * as a user agent must), CRLF line ends only, no CR, NUL or other control
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
   * but never buffering past {@code toIndex} (plus one read). Returns -1 at end of stream and -2
   * when the line would reach {@code toIndex}. Scans the buffer's segments directly.
   */
  public static long findLineEnd(BufferedSource source, long from, long toIndex) throws IOException {
    Buffer buffer = source.getBuffer();
    long pos = from;
    while (true) {
      long available = Math.min(buffer.size(), toIndex);
      if (pos < available) {
        try (Buffer.UnsafeCursor cursor = buffer.readUnsafe()) {
          cursor.seek(pos);
          while (true) {
            byte[] data = cursor.data;
            int start = cursor.start;
            int end = (int) Math.min(cursor.end, start + (available - cursor.offset));
            int i = Swar.indexOfLf(data, start + (int) (pos - cursor.offset), end);
            if (i < end) return cursor.offset + (i - start);
            pos = cursor.offset + (end - start);
            if (pos >= available) break;
            cursor.next();
          }
        }
      }
      if (pos >= toIndex) return -2;
      if (!source.request(pos + 1)) return -1;
    }
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
    Buffer buffer = source.getBuffer();
    long toIndex = from + maxSectionSize;
    long lineStart = from;
    long pos = from;
    int count = 0;
    // One pass over the buffer's segments; a per-line indexOf costs a segment seek per line.
    while (true) {
      long available = Math.min(buffer.size(), toIndex);
      if (pos < available) {
        try (Buffer.UnsafeCursor cursor = buffer.readUnsafe()) {
          cursor.seek(pos);
          while (true) {
            byte[] data = cursor.data;
            int start = cursor.start;
            long offset = cursor.offset;
            int end = (int) Math.min(cursor.end, start + (available - offset));
            for (int i = start + (int) (pos - offset); ; i++) {
              i = Swar.indexOfLf(data, i, end);
              if (i == end) break;
              long lf = offset + (i - start);
              if (lf == lineStart) {
                throw malformed(response, what + " section ends with a bare LF");
              }
              if (lf == lineStart + 1
                  && (i > start ? data[i - 1] : buffer.getByte(lineStart)) == '\r') {
                return lf + 1;
              }
              if (++count > maxCount) {
                throw tooLarge(response, "more than " + maxCount + " " + what + " fields");
              }
              lineStart = lf + 1;
            }
            pos = offset + (end - start);
            if (pos >= available) break;
            cursor.next();
          }
        }
      }
      if (pos >= toIndex) {
        throw tooLarge(response, what + " section larger than " + maxSectionSize + " bytes");
      }
      if (!source.request(pos + 1)) {
        throw new EOFException("stream ended in the middle of the " + what + " section");
      }
    }
  }

  private static HttpProtocolException tooLarge(boolean response, String why) {
    return response
        ? HttpProtocolException.badResponse(why)
        : HttpProtocolException.headerFieldsTooLarge(why);
  }

  /**
   * Parses the field lines in {@code a[pos, end)}, where {@code end} is the index of the CR of the
   * empty line that ends the section (so {@code a[end]} is CR and every line in range ends with
   * LF). One pass: the value scan stops at the first byte that may not appear in a value, which
   * must be the CR of the line's CRLF.
   */
  public static Headers parse(byte[] a, int pos, int end, boolean response, String what)
      throws HttpProtocolException {
    if (pos >= end) return Trusted.headers(new String[0]);
    String[] nv = new String[16];
    int n = 0;
    while (pos < end) {
      byte first = a[pos];
      if (first == ' ' || first == '\t') {
        // RFC 9112 §5.2: a server rejects obs-fold; a user agent MUST replace it with SP (folded
        // onto the field before it), and a fold before any field continues nothing.
        if (!response || n == 0) {
          throw malformed(response, "obsolete line folding in " + what + " section");
        }
        int vs = pos;
        while (Syntax.isOws(a[vs])) vs++;
        int j = Swar.skipFieldValue(a, vs);
        if (a[j] != '\r' || a[j + 1] != '\n') throw valueError(a, j, nv[n - 2], response, what);
        int ve = j;
        while (ve > vs && Syntax.isOws(a[ve - 1])) ve--;
        if (ve > vs) {
          String more = new String(a, vs, ve - vs, StandardCharsets.ISO_8859_1);
          nv[n - 1] = nv[n - 1].isEmpty() ? more : nv[n - 1] + " " + more;
        }
        pos = j + 2;
        continue;
      }
      int i = pos;
      while (Syntax.isTchar(a[i])) i++;
      if (a[i] != ':') throw nameError(a, i, response, what);
      if (i == pos) throw malformed(response, "empty " + what + " field name");
      String name = HeaderNames.name(a, pos, i - pos);
      int vs = i + 1;
      while (Syntax.isOws(a[vs])) vs++;
      int j = Swar.skipFieldValue(a, vs);
      if (a[j] != '\r' || a[j + 1] != '\n') throw valueError(a, j, name, response, what);
      int ve = j;
      while (ve > vs && Syntax.isOws(a[ve - 1])) ve--;
      String value = ve == vs ? "" : new String(a, vs, ve - vs, StandardCharsets.ISO_8859_1);
      if (n == nv.length) nv = Arrays.copyOf(nv, n * 2);
      nv[n++] = name;
      nv[n++] = value;
      pos = j + 2;
    }
    return Trusted.headers(n == nv.length ? nv : Arrays.copyOf(nv, n));
  }

  private static HttpProtocolException nameError(byte[] a, int i, boolean response, String what) {
    int c = a[i] & 0xff;
    if (c == ' ' || c == '\t') {
      // RFC 9112 §5.1: whitespace between field name and colon MUST be rejected with 400.
      return malformed(response, "whitespace between " + what + " field name and colon");
    }
    if (c == '\r' || c == '\n') return malformed(response, what + " line without a colon");
    return malformed(response, "invalid character " + Syntax.describe(c) + " in " + what + " field name");
  }

  private static HttpProtocolException valueError(
      byte[] a, int j, String name, boolean response, String what) {
    int c = a[j] & 0xff;
    if (c == '\n') return malformed(response, what + " line ends with a bare LF, not CRLF");
    if (c == '\r') return malformed(response, "bare CR in " + what + " field " + name);
    return malformed(response, "invalid character " + Syntax.describe(c) + " in " + what + " field " + name);
  }
}
