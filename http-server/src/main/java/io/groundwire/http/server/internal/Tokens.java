package io.groundwire.http.server.internal;

import io.groundwire.http.internal.Syntax;

/** Character classes of RFC 9110 §5.6. */
final class Tokens {
  private Tokens() {}

  /** Whether {@code c} is a tchar. */
  static boolean isTchar(int c) {
    return c < 0x80 && Syntax.isTchar(c);
  }

  /** Whether {@code s} is a non-empty token. */
  static boolean isToken(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) if (!isTchar(s.charAt(i))) return false;
    return true;
  }

  /** Whether {@code s} is a valid field value: no CR, LF, NUL or other controls except HTAB. */
  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) return false;
    }
    return true;
  }
}
