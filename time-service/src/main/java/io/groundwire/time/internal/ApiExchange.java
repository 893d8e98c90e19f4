package io.groundwire.time.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP exchange as the time API sees it, independent of the server that carried it: the request's
 * parts in, a status, content type, extra headers and body out. {@code HttpListener} adapts the
 * Groundwire HTTP server to it; tests call {@link TimeApi} with it directly.
 */
public final class ApiExchange {
  /**
   * The request.
   *
   * @param method upper-case method
   * @param path the decoded path without the query
   * @param query decoded query parameters, first value of each
   * @param header looks a header up by name (case-insensitive), null when absent; for repeated
   *     headers all values joined by ", "
   * @param remote the peer address of the connection
   * @param body the request body, empty when none
   */
  public record Request(String method, String path, Map<String, String> query,
      Function<String, String> header, InetAddress remote, byte[] body) {}

  /**
   * The response.
   *
   * @param status HTTP status code
   * @param contentType the media type with charset
   * @param headers extra headers (Retry-After, Allow, Cache-Control)
   * @param body UTF-8 text
   */
  public record Response(int status, String contentType, List<Map.Entry<String, String>> headers, String body) {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static Response json(int status, String body, List<Map.Entry<String, String>> headers) {
      return new Response(status, JSON, headers, body);
    }

    static Response text(int status, String body, List<Map.Entry<String, String>> headers) {
      return new Response(status, TEXT, headers, body);
    }
  }

  private ApiExchange() {}
}
