package io.groundwire.http.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Canonical percent-encoding of URL components (RFC 3986 §2.1, §3.3, §3.4): characters a component
 * may hold are kept, valid {@code %XX} escapes are kept as they are, everything else (spaces,
 * controls, non-ASCII as UTF-8, a stray {@code %}) is percent-encoded with upper-case hex.
 */
public final class UrlEncoding {
  private UrlEncoding() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] PATH = allowed("!$&'()*+,;=:@/");
  private static final boolean[] QUERY = allowed("!$&'()*+,;=:@/?");

  /** The path component with every character outside pchar / "/" percent-encoded. */
  public static String path(String s) {
    return canonicalize(s, PATH);
  }

  /** The query component with every character outside pchar / "/" / "?" percent-encoded. */
  public static String query(String s) {
    return canonicalize(s, QUERY);
  }

  private static String canonicalize(String s, boolean[] allowed) {
    int length = s.length();
    int i = 0;
    while (i < length && keep(s, i, allowed)) {
      i++;
    }
    if (i == length) {
      return s; // the common case: already canonical, no allocation
    }
    StringBuilder out = new StringBuilder(length + 16).append(s, 0, i);
    while (i < length) {
      int cp = s.codePointAt(i);
      if (cp < 128 && keep(s, i, allowed)) {
        out.append((char) cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean keep(String s, int i, boolean[] allowed) {
    char c = s.charAt(i);
    if (c == '%') {
      return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }
    return c < 128 && allowed[c];
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean[] allowed(String extra) {
    boolean[] table = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      table[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      table[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      table[c] = true;
    }
    for (char c : "-._~".toCharArray()) {
      table[c] = true;
    }
    for (char c : extra.toCharArray()) {
      table[c] = true;
    }
    return table;
  }
}
