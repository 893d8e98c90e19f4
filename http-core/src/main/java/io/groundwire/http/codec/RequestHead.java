package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import java.util.Objects;

/**
 * The start line and header fields of a request (RFC 9112 §3), as read from or written to the
 * wire. The target is the raw request-target: origin-form ({@code /path?query}), absolute-form
 * ({@code http://host/path}), authority-form ({@code host:443}, CONNECT only) or {@code *}
 * (OPTIONS only); it is not decoded.
 *
 * @param method the request method
 * @param target the raw request-target
 * @param version HTTP/1.0 or HTTP/1.1
 * @param headers the header fields
 */
public record RequestHead(Method method, String target, HttpVersion version, Headers headers) {
  /** Checks that no component is null. */
  public RequestHead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(headers, "headers");
  }

  /**
   * True if the connection may carry another request after this one: HTTP/1.1 unless
   * {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive} (RFC 9112 §9.3).
   */
  public boolean keepAlive() {
    return Persistence.keepAlive(version, headers);
  }

  /** True if the client sent {@code Expect: 100-continue} (RFC 9110 §10.1.1) over HTTP/1.1. */
  public boolean expectsContinue() {
    String expect = headers.get("Expect");
    return expect != null && version == HttpVersion.HTTP_1_1 && expect.equalsIgnoreCase("100-continue");
  }

  /**
   * The raw (still percent-encoded) path of the target: {@code /a/b} for {@code /a/b?x=1} and for
   * {@code http://host/a/b?x=1}; {@code /} for {@code http://host}; the target itself for
   * {@code *} and for CONNECT's authority-form.
   */
  public String rawPath() {
    String t = target;
    if (t.startsWith("/")) {
      int q = t.indexOf('?');
      return q < 0 ? t : t.substring(0, q);
    }
    int scheme = t.indexOf("://");
    if (scheme < 0 || method.equals(Method.CONNECT)) return t;
    int slash = t.indexOf('/', scheme + 3);
    int q = t.indexOf('?', scheme + 3);
    if (slash < 0 || (q >= 0 && q < slash)) return "/";
    return q < 0 ? t.substring(slash) : t.substring(slash, q);
  }

  /** The raw query after the first {@code ?} (without it), or null if the target has none. */
  public String rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? null : target.substring(q + 1);
  }
}
