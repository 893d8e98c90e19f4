package io.groundwire.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percent-encoding of URL paths and queries (RFC 3986 §2.1), strict on the way in.
 *
 * <p>Decoding fails with {@link IllegalArgumentException} on a malformed escape ({@code %}
 * not followed by two hex digits), on bytes that are not valid in the charset (UTF-8 unless
 * given), and, for paths, on an encoded NUL ({@code %00}). A server answers those with 400.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] PATH_SEGMENT_SAFE = safeSet("!$&'()*+,;=:@");
  private static final boolean[] PATH_SAFE = safeSet("!$&'()*+,;=:@/");
  private static final boolean[] QUERY_SAFE = safeSet("!$'()*,;:@/?");
  private static final boolean[] FORM_SAFE = safeSet("*");

  private PercentEncoding() {}

  /**
   * Decodes one path segment. {@code +} stays a plus sign.
   *
   * @throws IllegalArgumentException for a malformed escape, invalid UTF-8, {@code %00}, or a
   *     literal {@code /} (a segment has none)
   */
  public static String decodePathSegment(String segment) {
    if (segment.indexOf('/') >= 0) {
      throw new IllegalArgumentException("path segment contains '/'");
    }
    return decode(segment, false, true, false, StandardCharsets.UTF_8);
  }

  /**
   * Decodes a whole path such as {@code /docs/a%20b}. An encoded slash ({@code %2F}) is rejected,
   * since after decoding it could not be told apart from a real one; use
   * {@link #decodePathSegments} to accept it inside a segment.
   *
   * @throws IllegalArgumentException for a malformed escape, invalid UTF-8, {@code %00} or
   *     {@code %2F}
   */
  public static String decodePath(String rawPath) {
    return decode(rawPath, false, true, true, StandardCharsets.UTF_8);
  }

  /**
   * Splits a raw path on {@code /} and decodes each segment, so an encoded slash stays inside its
   * segment. {@code /a/b%2Fc/} gives {@code [a, b/c, ""]}; {@code /} gives {@code [""]}; a path
   * that does not start with {@code /} gives its first segment first.
   *
   * @throws IllegalArgumentException for a malformed escape, invalid UTF-8 or {@code %00}
   */
  public static List<String> decodePathSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    int start = rawPath.startsWith("/") ? 1 : 0;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      int end = slash < 0 ? rawPath.length() : slash;
      segments.add(decode(rawPath.substring(start, end), false, true, false, StandardCharsets.UTF_8));
      if (slash < 0) return Collections.unmodifiableList(segments);
      start = slash + 1;
    }
  }

  /**
   * Decodes a query name or value in UTF-8: {@code +} becomes a space (as HTML forms encode it).
   *
   * @throws IllegalArgumentException for a malformed escape or invalid UTF-8
   */
  public static String decodeQueryComponent(String component) {
    return decode(component, true, false, false, StandardCharsets.UTF_8);
  }

  /**
   * Decodes a query name or value whose escapes encode {@code charset} bytes; {@code +} becomes a
   * space.
   *
   * @throws IllegalArgumentException for a malformed escape or bytes invalid in {@code charset}
   */
  public static String decodeQueryComponent(String component, Charset charset) {
    return decode(component, true, false, false, charset);
  }

  /** Encodes {@code segment} as one path segment: everything but RFC 3986 pchars, incl. {@code /}. */
  public static String encodePathSegment(String segment) {
    return encode(segment, PATH_SEGMENT_SAFE, false);
  }

  /** Encodes a path, keeping {@code /} as the separator and escaping everything not a pchar. */
  public static String encodePath(String path) {
    return encode(path, PATH_SAFE, false);
  }

  /**
   * Encodes a query name or value for a URL: spaces as {@code %20}, and {@code & = + # %} escaped
   * so the result survives both plain and form-style decoding.
   */
  public static String encodeQueryComponent(String component) {
    return encode(component, QUERY_SAFE, false);
  }

  /**
   * Encodes a name or value the way HTML forms do ({@code application/x-www-form-urlencoded}):
   * spaces as {@code +}, everything but {@code A-Z a-z 0-9 * - . _} escaped.
   */
  public static String encodeFormComponent(String component) {
    return encode(component, FORM_SAFE, true);
  }

  private static String decode(
      String s, boolean plusIsSpace, boolean rejectNul, boolean rejectSlash, Charset charset) {
    int n = s.length();
    int first = 0;
    while (first < n) {
      char c = s.charAt(first);
      if (c == '%' || (plusIsSpace && c == '+') || c > 0x7f) break;
      first++;
    }
    if (first == n) return s; // nothing to decode: the common case, no allocation
    byte[] bytes = new byte[n * 3];
    int len = 0;
    for (int i = 0; i < first; i++) bytes[len++] = (byte) s.charAt(i);
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < n ? hexValue(s.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hexValue(s.charAt(i + 2)) : -1;
        if (lo < 0) {
          throw new IllegalArgumentException("malformed percent-escape at index " + i);
        }
        int b = (hi << 4) | lo;
        if (b == 0 && rejectNul) throw new IllegalArgumentException("encoded NUL (%00) in path");
        if (b == '/' && rejectSlash) {
          throw new IllegalArgumentException("encoded slash (%2F) in path");
        }
        bytes[len++] = (byte) b;
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes[len++] = ' ';
      } else if (c < 0x80) {
        if (c == 0 && rejectNul) throw new IllegalArgumentException("NUL in path");
        bytes[len++] = (byte) c;
      } else {
        // A raw non-ASCII character (e.g. from curl -d): re-encode it in the same charset.
        int end = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1;
        byte[] encoded = s.substring(i, end).getBytes(charset);
        if (len + encoded.length > bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, (len + encoded.length) * 2);
        }
        System.arraycopy(encoded, 0, bytes, len, encoded.length);
        len += encoded.length;
        i = end - 1;
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent-decoded bytes are not valid " + charset, e);
    }
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  private static String encode(String s, boolean[] safe, boolean spaceAsPlus) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80 && safe[s.charAt(i)]) i++;
    if (i == n) return s;
    StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(s, i, n));
    while (bytes.hasRemaining()) {
      int b = bytes.get() & 0xff;
      if (b < 0x80 && safe[b]) {
        sb.append((char) b);
      } else if (b == ' ' && spaceAsPlus) {
        sb.append('+');
      } else {
        sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return sb.toString();
  }

  // RFC 3986 unreserved characters plus the given extras.
  private static boolean[] safeSet(String extra) {
    boolean[] safe = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) safe[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) safe[c] = true;
    for (char c = '0'; c <= '9'; c++) safe[c] = true;
    for (char c : "-._~".toCharArray()) safe[c] = true;
    for (char c : extra.toCharArray()) safe[c] = true;
    return safe;
  }
}
