package io.groundwire.http.server.internal;

/** Reads one parameter of a Content-Disposition value such as {@code form-data; name="a"; filename="b.txt"}. */
final class DispositionParams {
  private DispositionParams() {}

  /** The value of parameter {@code wanted} (quoted-string unescaped), or null when absent or malformed. */
  static String get(String value, String wanted) {
    int i = value.indexOf(';');
    while (i >= 0 && i < value.length()) {
      i++;
      while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) i++;
      int eq = value.indexOf('=', i);
      if (eq < 0) return null;
      String name = value.substring(i, eq).strip();
      int j = eq + 1;
      String v;
      if (j < value.length() && value.charAt(j) == '"') {
        StringBuilder sb = new StringBuilder();
        j++;
        while (j < value.length() && value.charAt(j) != '"') {
          char c = value.charAt(j);
          if (c == '\\' && j + 1 < value.length()) c = value.charAt(++j);
          sb.append(c);
          j++;
        }
        if (j >= value.length()) return null; // unterminated quoted-string
        v = sb.toString();
        j++;
      } else {
        int end = value.indexOf(';', j);
        if (end < 0) end = value.length();
        v = value.substring(j, end).strip();
        j = end;
      }
      if (name.equalsIgnoreCase(wanted)) return v;
      i = value.indexOf(';', j);
    }
    return null;
  }
}
