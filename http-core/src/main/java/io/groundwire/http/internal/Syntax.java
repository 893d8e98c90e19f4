package io.groundwire.http.internal;

/**
 * Character classes of RFC 9110 §5.6 as lookup tables, shared by the value types and the codec.
 *
 * <p>Not part of the public API: it may change without notice.
 */
public final class Syntax {
  private static final boolean[] TCHAR = new boolean[256];
  private static final boolean[] FIELD_VALUE = new boolean[256];

  static {
    // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    //   "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    for (char c = '0'; c <= '9'; c++) TCHAR[c] = true;
    for (char c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
    // RFC 9110 §5.5: field-vchar = VCHAR / obs-text, plus SP and HTAB inside a value.
    for (int b = 0x21; b <= 0x7e; b++) FIELD_VALUE[b] = true;
    for (int b = 0x80; b <= 0xff; b++) FIELD_VALUE[b] = true;
    FIELD_VALUE[' '] = true;
    FIELD_VALUE['\t'] = true;
  }

  private Syntax() {}

  /** True if {@code b} (0-255) is a token character. */
  public static boolean isTchar(int b) {
    return TCHAR[b & 0xff];
  }

  /** True if {@code b} (0-255) may appear in a field value (VCHAR, obs-text, SP, HTAB). */
  public static boolean isFieldValueByte(int b) {
    return FIELD_VALUE[b & 0xff];
  }

  /** True if {@code s} is a non-empty RFC 9110 token. */
  public static boolean isToken(String s) {
    int n = s.length();
    if (n == 0) return false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c > 0xff || !TCHAR[c]) return false;
    }
    return true;
  }

  /** Index of the first character of {@code s} that may not appear in a field value, or -1. */
  public static int invalidFieldValueIndex(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c > 0xff || !FIELD_VALUE[c]) return i;
    }
    return -1;
  }

  /** True for the optional whitespace characters SP and HTAB. */
  public static boolean isOws(int c) {
    return c == ' ' || c == '\t';
  }

  /** {@code s} without leading and trailing SP / HTAB. */
  public static String trimOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isOws(s.charAt(start))) start++;
    while (end > start && isOws(s.charAt(end - 1))) end--;
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  /** Describes a character for error messages: printable as-is, others as hex. */
  public static String describe(int c) {
    return c >= 0x21 && c <= 0x7e ? "'" + (char) c + "'" : String.format("0x%02X", c);
  }

  /**
   * {@code value} when it may be sent as the value of field {@code name}; throws
   * {@link IllegalArgumentException} naming the first character that may not (CR, LF, NUL, other
   * controls), which would otherwise end the field early and let the rest become fields of its own.
   */
  public static String checkFieldValue(String name, String value) {
    int bad = invalidFieldValueIndex(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "invalid character " + describe(value.charAt(bad)) + " in value of header " + name);
    }
    return value;
  }

}
