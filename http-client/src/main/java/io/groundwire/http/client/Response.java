package io.groundwire.http.client;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;

/**
 * A final (non-1xx) HTTP response: status, headers and a body to read once. It holds a connection
 * until the body is read to its end or closed, so use try-with-resources:
 *
 * <pre>{@code
 * try (Response response = client.send(Request.get("https://example.com/"))) {
 *   String text = response.body().string();
 * }
 * }</pre>
 *
 * <p>When the client decoded gzip or deflate transparently, {@code Content-Encoding} and
 * {@code Content-Length} are removed from {@link #headers()} since they describe the wire bytes.
 * The body never carries a transfer coding: besides chunked, a {@code gzip} or {@code deflate}
 * transfer coding (which a server should not send unasked) is decoded, and any other makes
 * {@code send} fail with {@link MalformedResponseException}.
 */
public final class Response implements AutoCloseable {
  private final Request request;
  private final HttpVersion version;
  private final int status;
  private final String reason;
  private final Headers headers;
  private final ResponseBody body;

  /** A response to {@code request}; built by the client (and by tests). */
  public Response(Request request, HttpVersion version, int status, String reason, Headers headers, ResponseBody body) {
    this.request = request;
    this.version = version;
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.body = body;
  }

  /** The request that produced this response: after redirects, the last one sent. */
  public Request request() {
    return request;
  }

  /** The protocol version of the status line. */
  public HttpVersion version() {
    return version;
  }

  /** The status code, e.g. 200. */
  public int status() {
    return status;
  }

  /** The reason phrase, possibly empty. */
  public String reason() {
    return reason;
  }

  /** True for a 2xx status. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The body; never {@code null} (empty for HEAD, 204 and 304). */
  public ResponseBody body() {
    return body;
  }

  /**
   * Closes the body, returning the connection to the pool or closing it. This is also how another
   * thread cancels a download: closed from any thread but the one reading the body (or the one
   * that read it last), it closes the connection, and that thread's blocked or next read fails
   * with an {@link java.io.IOException}. A body handed from one thread to another part-way is
   * therefore closed without being drained, and its connection is not reused.
   */
  @Override
  public void close() {
    body.close();
  }

  @Override
  public String toString() {
    return version + " " + status + " " + reason + " (" + request.method() + " " + request.url() + ")";
  }
}
