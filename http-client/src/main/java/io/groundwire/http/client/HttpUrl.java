package io.groundwire.http.client;

import io.groundwire.http.client.internal.UriReferences;
import io.groundwire.http.client.internal.UrlEncoding;
import java.util.Locale;

/**
 * An immutable {@code http} or {@code https} URL, parsed strictly and kept in canonical form:
 * lower-case scheme and host, the default port implied, path and query percent-encoded per
 * RFC 3986 (valid escapes kept, anything else encoded as UTF-8). IPv6 literals are written in
 * brackets ({@code http://[::1]:8080/}). The fragment is kept but never sent.
 */
public final class HttpUrl {
  private final boolean https;
  private final String host;
  private final int port;
  private final String path;
  private final String query;
  private final String fragment;
  private final String hostHeader;
  private final String text;

  private HttpUrl(boolean https, String host, int port, String path, String query, String fragment) {
    this.https = https;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
    this.fragment = fragment;
    String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    this.hostHeader = port == defaultPort(https) ? bracketed : bracketed + ":" + port;
    StringBuilder s = new StringBuilder(https ? "https://" : "http://").append(hostHeader).append(path);
    if (query != null) {
      s.append('?').append(query);
    }
    if (fragment != null) {
      s.append('#').append(fragment);
    }
    this.text = s.toString();
  }

  /**
   * Parses an absolute {@code http} or {@code https} URL.
   *
   * @throws IllegalArgumentException naming what is wrong: another scheme, no host, a bad port,
   *     an invalid IPv6 literal, user info (credentials belong in an {@code Authorization} header)
   */
  public static HttpUrl parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("url == null");
    }
    String trimmed = url.strip();
    int schemeEnd = trimmed.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    boolean https;
    if (scheme.equals("https")) {
      https = true;
    } else if (scheme.equals("http")) {
      https = false;
    } else {
      throw new IllegalArgumentException("unsupported scheme '" + scheme + "' (only http and https): " + url);
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < trimmed.length() && "/?#".indexOf(trimmed.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = trimmed.substring(authorityStart, authorityEnd);
    if (authority.indexOf('@') >= 0) {
      throw new IllegalArgumentException("user info in URLs is not supported, use an Authorization header: " + url);
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unterminated IPv6 literal: " + url);
      }
      host = authority.substring(1, close).toLowerCase(Locale.ROOT);
      if (!isIpv6(host)) {
        throw new IllegalArgumentException("invalid IPv6 literal '" + host + "': " + url);
      }
      if (close + 1 < authority.length()) {
        if (authority.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("unexpected text after IPv6 literal: " + url);
        }
        portText = authority.substring(close + 2);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
      portText = colon < 0 ? null : authority.substring(colon + 1);
      if (!isRegName(host)) {
        throw new IllegalArgumentException("invalid host '" + host + "': " + url);
      }
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host: " + url);
    }
    int port = portText == null || portText.isEmpty() ? defaultPort(https) : parsePort(portText, url);

    String rest = trimmed.substring(authorityEnd);
    String fragment = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = UrlEncoding.query(rest.substring(hash + 1));
      rest = rest.substring(0, hash);
    }
    String query = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = UrlEncoding.query(rest.substring(question + 1));
      rest = rest.substring(0, question);
    }
    String path = rest.isEmpty() ? "/" : UrlEncoding.path(rest);
    return new HttpUrl(https, host, port, path, query, fragment);
  }

  /**
   * Resolves a reference (absolute or relative, such as a {@code Location} header) against this
   * URL per RFC 3986 §5.2.
   *
   * @throws IllegalArgumentException when the result is not a valid http(s) URL
   */
  public HttpUrl resolve(String reference) {
    String ref = reference.strip();
    int hash = ref.indexOf('#');
    String beforeFragment = hash < 0 ? ref : ref.substring(0, hash);
    // Encode what a server might have sent raw (spaces, UTF-8), keeping the fragment delimiter and
    // the authority as it is: an IPv6 literal's brackets belong there (parse checks the host).
    int authorityEnd = authorityEnd(beforeFragment);
    String encoded = beforeFragment.substring(0, authorityEnd) + UrlEncoding.query(beforeFragment.substring(authorityEnd))
        + (hash < 0 ? "" : "#" + UrlEncoding.query(ref.substring(hash + 1)));
    return parse(UriReferences.resolve(text, encoded));
  }

  /**
   * Where the authority of {@code reference} ends (RFC 3986 §3.2: after {@code scheme://} or a
   * leading {@code //}, up to the next {@code /} or {@code ?}), or 0 when it has none.
   */
  private static int authorityEnd(String reference) {
    int start;
    if (reference.startsWith("//")) {
      start = 2;
    } else {
      int colon = reference.indexOf(':');
      if (colon <= 0 || !reference.startsWith("//", colon + 1) || !isScheme(reference.substring(0, colon))) {
        return 0;
      }
      start = colon + 3;
    }
    int end = start;
    while (end < reference.length() && reference.charAt(end) != '/' && reference.charAt(end) != '?') {
      end++;
    }
    return end;
  }

  private static boolean isScheme(String s) {
    if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code "http"} or {@code "https"}. */
  public String scheme() {
    return https ? "https" : "http";
  }

  /** True for {@code https}. */
  public boolean isHttps() {
    return https;
  }

  /** The host in lower case; an IPv6 literal without brackets. */
  public String host() {
    return host;
  }

  /** The port, the scheme's default (80 or 443) when the URL names none. */
  public int port() {
    return port;
  }

  /** The encoded path, never empty: at least {@code "/"}. */
  public String encodedPath() {
    return path;
  }

  /** The encoded query without {@code '?'}, or {@code null} when there is none. */
  public String encodedQuery() {
    return query;
  }

  /** The encoded fragment without {@code '#'}, or {@code null}; never sent to servers. */
  public String fragment() {
    return fragment;
  }

  /** The request target in origin form: path and query ({@code /a/b?x=1}). */
  public String requestTarget() {
    return query == null ? path : path + "?" + query;
  }

  /** The {@code Host} header value: host (bracketed if IPv6) and the port if not the default. */
  public String hostHeader() {
    return hostHeader;
  }

  /** True when both URLs have the same scheme, host and port (RFC 6454 origin). */
  public boolean sameOrigin(HttpUrl other) {
    return https == other.https && port == other.port && host.equals(other.host);
  }

  /** The default port of a scheme: 443 for https, 80 for http. */
  public static int defaultPort(boolean https) {
    return https ? 443 : 80;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpUrl other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The canonical URL text. */
  @Override
  public String toString() {
    return text;
  }

  private static int parsePort(String text, String url) {
    if (text.length() > 5) {
      throw new IllegalArgumentException("invalid port '" + text + "': " + url);
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("invalid port '" + text + "': " + url);
      }
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1..65535: " + url);
    }
    return port;
  }

  // RFC 3986 §3.2.2 reg-name: unreserved / pct-encoded / sub-delims; we accept the DNS subset.
  private static boolean isRegName(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // RFC 4291 §2.2 text forms: up to 8 groups of 1-4 hex digits, one "::", optional trailing IPv4.
  static boolean isIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue; // part of "::" (or a leading/trailing colon checked below)
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4) {
        return false;
      }
      for (int j = 0; j < g.length(); j++) {
        if (!((g.charAt(j) >= '0' && g.charAt(j) <= '9') || (g.charAt(j) >= 'a' && g.charAt(j) <= 'f'))) {
          return false;
        }
      }
      count++;
    }
    if ((s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"))) {
      return false;
    }
    return doubleColon >= 0 ? count < 8 : count == 8;
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
