package io.groundwire.time.internal;

import io.groundwire.http.QueryParameters;
import io.groundwire.http.server.Handler;
import io.groundwire.http.server.Request;
import io.groundwire.http.server.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mounts {@link TimeApi} on the Groundwire HTTP server's {@link Router}. */
public final class TimeApiHandler implements Handler {
  private static final byte[] NO_BODY = new byte[0];

  private final TimeApi api;

  private TimeApiHandler(TimeApi api) {
    this.api = api;
  }

  /**
   * A handler sending every request, whatever its method and path, to {@code api}: it knows which
   * methods each endpoint takes, so its 404, 405 (with {@code Allow}) and OPTIONS answers are JSON
   * and exact, where a router would list the methods of a whole {@code /api/*} pattern.
   */
  public static Handler handler(TimeApi api) {
    return new TimeApiHandler(api);
  }

  @Override
  public void handle(Request request, Response response) throws Exception {
    String method = request.method().name();
    byte[] body = "POST".equals(method) ? request.bodyAsBytes() : NO_BODY;
    ApiExchange.Response answer = api.handle(new ApiExchange.Request(
        method, request.path(), firstValues(request.query()), name -> joined(request, name),
        request.remoteAddress().getAddress(), body));
    response.status(answer.status());
    for (Map.Entry<String, String> header : answer.headers()) {
      response.header(header.getKey(), header.getValue());
    }
    response.contentType(answer.contentType());
    response.body(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String joined(Request request, String name) {
    List<String> values = request.headers().values(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static Map<String, String> firstValues(QueryParameters query) {
    if (query.size() == 0) {
      return Map.of();
    }
    Map<String, String> first = new HashMap<>();
    for (int i = 0; i < query.size(); i++) {
      first.putIfAbsent(query.name(i), query.value(i));
    }
    return first;
  }
}
