package io.groundwire.http.client.internal;

/**
 * Resolves URI references against a base URI exactly as RFC 3986 §5.2 describes, on the
 * already-encoded text. Pure string work: no validation beyond splitting into components.
 */
public final class UriReferences {
  private UriReferences() {}

  /** The five components of RFC 3986 Appendix B; absent components are {@code null}. */
  record Parts(String scheme, String authority, String path, String query, String fragment) {}

  /** Splits a reference into components the way RFC 3986 Appendix B's regular expression does. */
  static Parts split(String ref) {
    int length = ref.length();
    int i = 0;
    String scheme = null;
    int schemeEnd = schemeEnd(ref);
    if (schemeEnd > 0) {
      scheme = ref.substring(0, schemeEnd);
      i = schemeEnd + 1;
    }
    String authority = null;
    if (ref.startsWith("//", i)) {
      int end = indexOfAny(ref, i + 2, "/?#");
      authority = ref.substring(i + 2, end);
      i = end;
    }
    int pathEnd = indexOfAny(ref, i, "?#");
    String path = ref.substring(i, pathEnd);
    i = pathEnd;
    String query = null;
    if (i < length && ref.charAt(i) == '?') {
      int end = indexOfAny(ref, i + 1, "#");
      query = ref.substring(i + 1, end);
      i = end;
    }
    String fragment = i < length ? ref.substring(i + 1) : null;
    return new Parts(scheme, authority, path, query, fragment);
  }

  /** Resolves {@code reference} against the absolute URI {@code base} (RFC 3986 §5.2.2, strict). */
  public static String resolve(String base, String reference) {
    Parts b = split(base);
    Parts r = split(reference);
    String scheme;
    String authority;
    String path;
    String query;
    if (r.scheme != null) {
      scheme = r.scheme;
      authority = r.authority;
      path = removeDotSegments(r.path);
      query = r.query;
    } else {
      scheme = b.scheme;
      if (r.authority != null) {
        authority = r.authority;
        path = removeDotSegments(r.path);
        query = r.query;
      } else {
        authority = b.authority;
        if (r.path.isEmpty()) {
          path = b.path;
          query = r.query != null ? r.query : b.query;
        } else {
          path = r.path.startsWith("/") ? removeDotSegments(r.path) : removeDotSegments(merge(b, r.path));
          query = r.query;
        }
      }
    }
    return recompose(scheme, authority, path, query, r.fragment);
  }

  /** RFC 3986 §5.2.3. */
  private static String merge(Parts base, String relativePath) {
    if (base.authority != null && base.path.isEmpty()) {
      return "/" + relativePath;
    }
    int slash = base.path.lastIndexOf('/');
    return slash < 0 ? relativePath : base.path.substring(0, slash + 1) + relativePath;
  }

  /** RFC 3986 §5.2.4, written as a loop over the input buffer. */
  static String removeDotSegments(String path) {
    if (path.indexOf('.') < 0) {
      return path;
    }
    StringBuilder in = new StringBuilder(path);
    StringBuilder out = new StringBuilder(path.length());
    while (!in.isEmpty()) {
      if (startsWith(in, "../")) {
        in.delete(0, 3);
      } else if (startsWith(in, "./")) {
        in.delete(0, 2);
      } else if (startsWith(in, "/./")) {
        in.delete(0, 2);
      } else if (equals(in, "/.")) {
        in.replace(0, 2, "/");
      } else if (startsWith(in, "/../")) {
        in.delete(0, 3);
        removeLastSegment(out);
      } else if (equals(in, "/..")) {
        in.replace(0, 3, "/");
        removeLastSegment(out);
      } else if (equals(in, ".") || equals(in, "..")) {
        in.setLength(0);
      } else {
        int next = in.indexOf("/", in.charAt(0) == '/' ? 1 : 0);
        int end = next < 0 ? in.length() : next;
        out.append(in, 0, end);
        in.delete(0, end);
      }
    }
    return out.toString();
  }

  /** RFC 3986 §5.3. */
  private static String recompose(String scheme, String authority, String path, String query, String fragment) {
    StringBuilder result = new StringBuilder();
    if (scheme != null) {
      result.append(scheme).append(':');
    }
    if (authority != null) {
      result.append("//").append(authority);
    }
    result.append(path);
    if (query != null) {
      result.append('?').append(query);
    }
    if (fragment != null) {
      result.append('#').append(fragment);
    }
    return result.toString();
  }

  /** Index of the ':' ending a valid scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), or -1. */
  static int schemeEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (c == ':') {
        return i == 0 ? -1 : i;
      }
      if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
        return -1;
      }
    }
    return -1;
  }

  private static void removeLastSegment(StringBuilder out) {
    int slash = out.lastIndexOf("/");
    out.setLength(Math.max(slash, 0));
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean startsWith(StringBuilder sb, String prefix) {
    return sb.length() >= prefix.length() && sb.substring(0, prefix.length()).equals(prefix);
  }

  private static boolean equals(StringBuilder sb, String s) {
    return sb.length() == s.length() && sb.toString().equals(s);
  }
}
