package io.groundwire.http.server.internal;

import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.PercentEncoding;

/**
 * A request target split into raw path, raw query and decoded path (RFC 9112 §3.2): origin-form
 * ({@code /a?b}), absolute-form ({@code http://host/a?b}, RFC 9112 §3.2.2) and asterisk-form
 * ({@code *}, OPTIONS only). Authority-form (CONNECT) is not served.
 */
record RequestTarget(String rawPath, String rawQuery, String path) {
  private static final RequestTarget ROOT = new RequestTarget("/", "", "/");

  /**
   * Splits {@code target}.
   *
   * @throws HttpProtocolException 400 when the target has another form, a fragment, or a path that
   *     does not decode (malformed escape, invalid UTF-8, {@code %00} or an encoded slash)
   */
  static RequestTarget parse(String method, String target) throws HttpProtocolException {
    if (target.equals("/")) return ROOT;
    if (target.equals("*")) {
      if (!method.equals("OPTIONS")) throw HttpProtocolException.badRequest("'*' is only a target for OPTIONS");
      return new RequestTarget("*", "", "*");
    }
    if (target.indexOf('#') >= 0) throw HttpProtocolException.badRequest("a request target has no fragment");
    String rest = target;
    if (!target.startsWith("/")) {
      int colon = target.indexOf("://");
      String scheme = colon > 0 ? target.substring(0, colon) : "";
      if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
        throw HttpProtocolException.badRequest("unsupported request target form");
      }
      int start = colon + 3;
      int end = start;
      while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') end++;
      if (end == start) throw HttpProtocolException.badRequest("absolute target without host");
      rest = end == target.length() ? "/" : target.charAt(end) == '?' ? "/" + target.substring(end) : target.substring(end);
    }
    int q = rest.indexOf('?');
    String rawPath = q < 0 ? rest : rest.substring(0, q);
    String rawQuery = q < 0 ? "" : rest.substring(q + 1);
    try {
      String path = rawPath.indexOf('%') < 0 ? rawPath : PercentEncoding.decodePath(rawPath);
      return new RequestTarget(rawPath, rawQuery, path);
    } catch (IllegalArgumentException e) {
      throw HttpProtocolException.badRequest("bad path: " + e.getMessage());
    }
  }
}
