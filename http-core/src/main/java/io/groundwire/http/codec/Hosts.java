package io.groundwire.http.codec;

/** Light RFC 3986 syntax checks for hosts and targets, without allocation. */
final class Hosts {
  private Hosts() {}

  /**
   * {@code Host} = uri-host [ ":" port ], possibly empty (RFC 9110 §7.2); a port above 65535
   * names no TCP port and is refused, as nginx does.
   */
  static boolean isValidHostHeader(String host) {
    int n = host.length();
    if (n == 0) return true;
    int i = 0;
    if (host.charAt(0) == '[') {
      int close = host.indexOf(']');
      if (close < 0) return false;
      for (i = 1; i < close; i++) {
        char c = host.charAt(i);
        if (!(isHex(c) || c == ':' || c == '.' || c == 'v' || c == 'V' || isRegNameChar(c))) {
          return false;
        }
      }
      i = close + 1;
    } else {
      while (i < n && isRegNameChar(host.charAt(i))) i++;
    }
    if (i == n) return true;
    if (host.charAt(i) != ':') return false;
    int port = 0;
    for (i++; i < n; i++) {
      char c = host.charAt(i);
      if (c < '0' || c > '9') return false;
      port = port * 10 + (c - '0');
      if (port > 65535) return false;
    }
    return true;
  }

  /** authority-form: uri-host ":" port with a non-empty host and port. */
  static boolean isAuthorityWithPort(String target) {
    int colon = target.lastIndexOf(':');
    return colon > 0 && colon < target.length() - 1 && isValidHostHeader(target);
  }

  /** absolute-URI: scheme ":" hier-part, where scheme = ALPHA *( ALPHA / DIGIT / + - . ). */
  static boolean isAbsoluteUri(String target) {
    int colon = target.indexOf(':');
    if (colon <= 0 || !isAlpha(target.charAt(0))) return false;
    for (int i = 1; i < colon; i++) {
      char c = target.charAt(i);
      if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
    }
    return true;
  }

  /**
   * For an absolute-URI: false when its scheme is http or https and its authority is empty, has
   * userinfo, or is not a valid {@code host[:port]} (RFC 9110 §4.2.1 and §4.2.4); true otherwise.
   */
  static boolean hasValidHttpAuthority(String target) {
    int colon = target.indexOf(':');
    boolean http = (colon == 4 && target.regionMatches(true, 0, "http", 0, 4))
        || (colon == 5 && target.regionMatches(true, 0, "https", 0, 5));
    if (!http) return true;
    if (!target.startsWith("//", colon + 1)) return false;
    int start = colon + 3;
    int end = start;
    while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) end++;
    return end > start && target.charAt(start) != ':' && isValidHostHeader(target.substring(start, end));
  }

  // unreserved / pct-encoded / sub-delims (RFC 3986 §3.2.2 reg-name)
  private static boolean isRegNameChar(char c) {
    return isAlpha(c) || (c >= '0' && c <= '9') || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
