package io.groundwire.http.server.internal;

import io.groundwire.http.FormUrlEncoded;
import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.MediaType;
import io.groundwire.http.Method;
import io.groundwire.http.QueryParameters;
import io.groundwire.http.server.MultipartReader;
import io.groundwire.http.server.Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The server's {@link Request}: a parsed head plus the connection's lazily read body. */
final class RequestImpl implements Request, RoutedRequest {
  private final Method method;
  private final String target;
  private final HttpVersion version;
  private final Headers headers;
  private final RequestTarget parsedTarget;
  private final Transport transport;
  private final RequestBody body;
  private final long contentLength;
  private final long maxBodySize;
  private QueryParameters query;
  private QueryParameters form;
  private String[] pathParams = new String[0];
  private Map<String, Object> attributes;

  RequestImpl(Method method, String target, HttpVersion version, Headers headers, RequestTarget parsedTarget,
      Transport transport, RequestBody body, long contentLength, long maxBodySize) {
    this.method = method;
    this.target = target;
    this.version = version;
    this.headers = headers;
    this.parsedTarget = parsedTarget;
    this.transport = transport;
    this.body = body;
    this.contentLength = contentLength;
    this.maxBodySize = maxBodySize;
  }

  @Override public Method method() { return method; }

  @Override public String target() { return target; }

  @Override public String path() { return parsedTarget.path(); }

  @Override public String rawPath() { return parsedTarget.rawPath(); }

  @Override public String rawQuery() { return parsedTarget.rawQuery(); }

  @Override
  public QueryParameters query() {
    if (query == null) {
      try {
        query = QueryParameters.parse(parsedTarget.rawQuery());
      } catch (IllegalArgumentException e) {
        throw new MalformedRequest("malformed query: " + e.getMessage(), e);
      }
    }
    return query;
  }

  @Override public String queryParam(String name) { return query().get(name); }

  @Override public HttpVersion version() { return version; }

  @Override public Headers headers() { return headers; }

  @Override public String header(String name) { return headers.get(name); }

  @Override public InetSocketAddress remoteAddress() { return transport.remoteAddress(); }

  @Override public InetSocketAddress localAddress() { return transport.localAddress(); }

  @Override public boolean secure() { return transport.secure(); }

  @Override
  public String pathParam(String name) {
    for (int i = 0; i + 1 < pathParams.length; i += 2) {
      if (pathParams[i].equals(name)) return pathParams[i + 1];
    }
    throw new IllegalArgumentException("the matched route has no path parameter '" + name + "'");
  }

  @Override
  public void pathParams(String[] namesAndValues) {
    pathParams = namesAndValues;
  }

  @Override public long contentLength() { return contentLength; }

  @Override public String contentType() { return headers.get("Content-Type"); }

  @Override public InputStream body() { return body; }

  @Override
  public byte[] bodyAsBytes() throws IOException {
    if (contentLength > maxBodySize) {
      throw HttpProtocolException.contentTooLarge("request body larger than " + maxBodySize + " bytes");
    }
    return body.readAllBytes();
  }

  @Override
  public String bodyAsString() throws IOException {
    return bodyAsString(charset());
  }

  @Override
  public String bodyAsString(Charset charset) throws IOException {
    return new String(bodyAsBytes(), charset);
  }

  @Override
  public QueryParameters formParams() throws IOException {
    if (form != null) return form;
    MediaType type = mediaType();
    if (type == null || !type.essence().equals("application/x-www-form-urlencoded")) return QueryParameters.EMPTY;
    byte[] bytes = bodyAsBytes();
    try {
      form = FormUrlEncoded.decode(bytes, type.charset(StandardCharsets.UTF_8));
      return form;
    } catch (IllegalArgumentException e) {
      // The body was read to its end, so the connection can carry the next request.
      throw new HttpProtocolException(io.groundwire.http.Status.BAD_REQUEST, "malformed form: " + e.getMessage(), false);
    }
  }

  @Override
  public MultipartReader multipart() throws IOException {
    MediaType type = mediaType();
    String boundary = type == null ? null : type.parameter("boundary");
    if (type == null || !type.type().equals("multipart") || boundary == null || boundary.isEmpty()
        || boundary.length() > 70) {
      throw new HttpProtocolException(io.groundwire.http.Status.UNSUPPORTED_MEDIA_TYPE,
          "not a multipart body with a boundary", false);
    }
    return new Multipart(body, boundary);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> attribute(String name) {
    return attributes == null ? Optional.empty() : Optional.ofNullable((T) attributes.get(name));
  }

  @Override
  public void attribute(String name, Object value) {
    if (attributes == null) attributes = new HashMap<>();
    attributes.put(name, value);
  }

  private MediaType mediaType() throws HttpProtocolException {
    String value = headers.get("Content-Type");
    if (value == null) return null;
    try {
      return MediaType.parse(value);
    } catch (IllegalArgumentException e) {
      throw HttpProtocolException.badRequest("malformed Content-Type");
    }
  }

  private Charset charset() {
    try {
      MediaType type = mediaType();
      return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
