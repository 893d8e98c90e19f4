package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.Method;
import io.groundwire.http.client.HttpUrl;
import io.groundwire.http.client.RedirectException;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.RequestBody;
import io.groundwire.http.client.Response;

/**
 * Decides the request that follows a redirect (RFC 9110 §15.4): which statuses redirect, how the
 * method and body change, which headers must not follow the client to another origin.
 */
final class Redirects {
  private Redirects() {}

  /**
   * The next request, or {@code null} when {@code response} is not a redirect to follow: not a
   * 301/302/303/307/308, no {@code Location}, or a 307/308 whose one-shot body cannot be sent again
   * (then the caller gets the redirect response itself).
   *
   * @throws RedirectException for an unusable {@code Location} or a forbidden https→http downgrade
   */
  static Request next(Response response, boolean allowHttpsToHttp) throws RedirectException {
    int status = response.status();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return null;
    }
    String location = response.header("Location");
    if (location == null || location.isBlank()) {
      return null;
    }
    Request request = response.request();
    HttpUrl target;
    try {
      target = request.url().resolve(asUtf8(location));
    } catch (IllegalArgumentException e) {
      throw new RedirectException("cannot follow " + status + " from " + request.url()
          + " to Location '" + location + "': " + e.getMessage(), e);
    }
    if (request.url().isHttps() && !target.isHttps() && !allowHttpsToHttp) {
      throw new RedirectException("refusing redirect from https to http: " + request.url() + " -> " + target
          + " (allowHttpsToHttpRedirects is off)");
    }
    Request.Builder next = request.toBuilder().url(target);
    Method method = request.method();
    RequestBody body = request.body();
    // RFC 9110 §15.4.2-4: user agents change POST to GET for 301/302, and anything but HEAD to GET for 303.
    boolean toGet = (status == 303 && method != Method.HEAD)
        || ((status == 301 || status == 302) && method == Method.POST);
    if (toGet) {
      next.method(Method.GET, null);
      next.removeHeader("Content-Type").removeHeader("Content-Length").removeHeader("Content-Encoding")
          .removeHeader("Transfer-Encoding").removeHeader("Expect");
    } else if (body != null && body.isOneShot()) {
      return null; // 307/308 (or 301/302 of PUT...) must resend the body, which was a stream
    }
    if (!target.sameOrigin(request.url())) {
      // RFC 9110 §15.4: credentials for one origin must not leak to another.
      next.removeHeader("Authorization").removeHeader("Cookie").removeHeader("Proxy-Authorization");
    }
    // The Host header belongs to the old URL if the caller set one.
    Headers headers = request.headers();
    if (headers.contains("Host")) {
      next.removeHeader("Host");
    }
    return next.build();
  }

  /**
   * Header values are read as ISO-8859-1, one char per byte; a server that put raw UTF-8 in
   * {@code Location} (common, though RFC 3986 wants it percent-encoded) meant those bytes as UTF-8.
   * Bytes that are not UTF-8 are percent-encoded as they are.
   */
  static String asUtf8(String location) {
    boolean high = false;
    for (int i = 0; i < location.length(); i++) {
      if (location.charAt(i) >= 0x80) {
        high = true;
        break;
      }
    }
    if (!high) {
      return location;
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(location.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      // Not UTF-8 (Latin-1, say): send the very bytes the server wrote, percent-encoded, as curl does.
      StringBuilder escaped = new StringBuilder(location.length() + 16);
      for (int i = 0; i < location.length(); i++) {
        char c = location.charAt(i);
        if (c < 0x80) {
          escaped.append(c);
        } else {
          escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
      }
      return escaped.toString();
    }
  }
}
