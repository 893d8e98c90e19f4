package io.groundwire.http.server.staticfiles.internal;

import io.groundwire.http.server.Request;

/** Reads the parts of a request's path StaticFiles needs. */
public final class RequestPaths {
  private RequestPaths() {}

  /**
   * The path of a request-target as received (still percent-encoded, without the query): for the
   * origin form {@code /a%20b?x} it is {@code /a%20b}, for the absolute form
   * {@code http://host/a?x} it is {@code /a}, and {@code /} when the authority is followed by no
   * path ({@code http://host?/a} asks for {@code /} with the query {@code /a}).
   */
  public static String rawPath(String target) {
    String path = target;
    int scheme = path.indexOf("://");
    if (!path.startsWith("/") && scheme > 0) {
      int authorityEnd = path.length();
      for (int i = scheme + 3; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          authorityEnd = i;
          break;
        }
      }
      path = authorityEnd < path.length() && path.charAt(authorityEnd) == '/' ? path.substring(authorityEnd) : "/";
    }
    int end = path.length();
    int query = path.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    int fragment = path.indexOf('#');
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    return path.substring(0, end);
  }

  /** The part of the path a route's trailing wildcard matched, or the whole decoded path without one. */
  public static String wildcardOr(Request request) {
    try {
      return request.pathParam("*");
    } catch (IllegalArgumentException noWildcard) {
      return request.path();
    }
  }
}
