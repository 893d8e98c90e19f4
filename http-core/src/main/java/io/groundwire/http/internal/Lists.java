package io.groundwire.http.internal;

import java.util.List;

/** Comma-separated field values (RFC 9110 §5.6.1). Not API. */
public final class Lists {
  private Lists() {}

  /** True if the comma-separated list {@code value} has {@code token} as an element, ignoring case. */
  public static boolean hasToken(String value, String token) {
    int n = value.length();
    int start = 0;
    while (start <= n) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      int s = start;
      int e = end;
      while (s < e && Syntax.isOws(value.charAt(s))) s++;
      while (e > s && Syntax.isOws(value.charAt(e - 1))) e--;
      if (e - s == token.length() && value.regionMatches(true, s, token, 0, token.length())) {
        return true;
      }
      if (comma < 0) break;
      start = comma + 1;
    }
    return false;
  }

  /** Adds the trimmed, non-empty elements of the comma list {@code value} to {@code out}; quotes respected. */
  public static void split(String value, List<String> out) {
    int n = value.length();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '\\') i++;
        else if (c == '"') quoted = false;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        addElement(value, start, i, out);
        start = i + 1;
      }
    }
    addElement(value, start, n, out);
  }

  private static void addElement(String value, int start, int end, List<String> out) {
    String element = Syntax.trimOws(value.substring(start, end));
    if (!element.isEmpty()) out.add(element);
  }
}
