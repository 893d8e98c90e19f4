package io.groundwire.http.client;

import io.groundwire.http.Headers;
import io.groundwire.http.Method;
import java.time.Duration;
import java.util.Objects;

/**
 * An immutable HTTP request: method, URL, headers and an optional body. Build one with
 * {@link #builder(String)}; derive a changed copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Request request = Request.builder("https://example.com/api")
 *     .header("Accept", "application/json")
 *     .post(RequestBody.of("{\"a\":1}", "application/json"))
 *     .build();
 * }</pre>
 */
public final class Request {
  private final Method method;
  private final HttpUrl url;
  private final Headers headers;
  private final RequestBody body;
  private final Duration timeout;

  private Request(Builder builder) {
    this.method = builder.method;
    this.url = Objects.requireNonNull(builder.url, "url");
    this.headers = builder.headers.build();
    this.body = builder.body;
    this.timeout = builder.timeout;
  }

  /** A GET request for {@code url}; shorthand for {@code builder(url).build()}. */
  public static Request get(String url) {
    return builder(url).build();
  }

  /**
   * A builder for a GET of {@code url}.
   *
   * @throws IllegalArgumentException if {@code url} is not a valid http(s) URL
   */
  public static Builder builder(String url) {
    return new Builder().url(HttpUrl.parse(url));
  }

  /** A builder for a GET of {@code url}. */
  public static Builder builder(HttpUrl url) {
    return new Builder().url(url);
  }

  /** A builder starting from this request's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.url = url;
    b.headers = headers.toBuilder();
    b.body = body;
    b.timeout = timeout;
    return b;
  }

  /** The method, e.g. {@link Method#GET}. */
  public Method method() {
    return method;
  }

  /** The URL. */
  public HttpUrl url() {
    return url;
  }

  /**
   * The headers set by the caller. When sending, the client adds {@code Host}, {@code User-Agent}
   * and {@code Accept-Encoding} unless set here, and always declares the body's framing itself:
   * {@code Content-Length} and {@code Transfer-Encoding} set here are ignored.
   */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The body, or {@code null} for none. */
  public RequestBody body() {
    return body;
  }

  /** This request's whole-call deadline, overriding the client's; {@code null} to use the client's. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return method + " " + url;
  }

  /** Builds {@link Request}s. Not thread-safe. */
  public static final class Builder {
    private Method method = Method.GET;
    private HttpUrl url;
    private Headers.Builder headers = Headers.builder();
    private RequestBody body;
    private Duration timeout;

    private Builder() {}

    /** Sets the URL. */
    public Builder url(HttpUrl url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Sets the URL, parsed with {@link HttpUrl#parse}. */
    public Builder url(String url) {
      return url(HttpUrl.parse(url));
    }

    /** Replaces every header named {@code name} with this one. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** Adds a header, keeping others of the same name. */
    public Builder addHeader(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Removes every header named {@code name}. */
    public Builder removeHeader(String name) {
      headers.removeAll(name);
      return this;
    }

    /** Replaces all headers. */
    public Builder headers(Headers headers) {
      this.headers = headers.toBuilder();
      return this;
    }

    /** GET without a body. */
    public Builder get() {
      return method(Method.GET, null);
    }

    /** HEAD without a body. */
    public Builder head() {
      return method(Method.HEAD, null);
    }

    /** POST with {@code body}. */
    public Builder post(RequestBody body) {
      return method(Method.POST, Objects.requireNonNull(body, "body"));
    }

    /** PUT with {@code body}. */
    public Builder put(RequestBody body) {
      return method(Method.PUT, Objects.requireNonNull(body, "body"));
    }

    /** DELETE, with an optional body. */
    public Builder delete(RequestBody body) {
      return method(Method.DELETE, body);
    }

    /**
     * Sets the method and body ({@code null} for none).
     *
     * @throws IllegalArgumentException for a body on GET, HEAD or TRACE, which servers may reject
     */
    public Builder method(Method method, RequestBody body) {
      Objects.requireNonNull(method, "method");
      if (body != null && (method == Method.GET || method == Method.HEAD || method == Method.TRACE)) {
        throw new IllegalArgumentException(method + " requests must not have a body");
      }
      if (method == Method.CONNECT) {
        throw new IllegalArgumentException("CONNECT is not supported");
      }
      this.method = method;
      this.body = body;
      return this;
    }

    /** Sets the method by name (any token) and body. */
    public Builder method(String method, RequestBody body) {
      return method(Method.of(method), body);
    }

    /** Sets a whole-call deadline for this request, overriding the client's ({@code Duration.ZERO}: none). */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("negative timeout: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The request. */
    public Request build() {
      return new Request(this);
    }
  }
}
