package io.groundwire.http.server;

import io.groundwire.http.server.internal.RouteTable;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends each request to the handler registered for its method and path, itself a {@link Handler}.
 *
 * <p>Patterns are paths whose segments may be literals, parameters {@code {name}} (one segment,
 * read with {@link Request#pathParam(String)}) or, as the last segment only, a wildcard {@code *}
 * that matches the rest of the path ({@code pathParam("*")}). Literal routes win over patterns;
 * patterns are tried in the order they were added.
 *
 * <p>The router answers by itself: {@code 404 Not Found} when no pattern matches the path, {@code
 * 405 Method Not Allowed} with an {@code Allow} header when patterns match but not the method, HEAD
 * with the GET route (the server drops the body), and OPTIONS with {@code 204} and {@code Allow}
 * unless an OPTIONS route exists.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *     .before((req, res) -> res.header("X-Frame-Options", "DENY"))
 *     .get("/", (req, res) -> res.text("Hello"))
 *     .group("/api", api -> api
 *         .get("/users/{id}", (req, res) -> res.text("user " + req.pathParam("id"))))
 *     .exception(IllegalArgumentException.class, 400)
 *     .build();
 * }</pre>
 */
public final class Router implements Handler {
  private final RouteTable table;

  private Router(RouteTable table) {
    this.table = table;
  }

  /** A builder for a router with no routes. */
  public static Builder builder() {
    return new Builder("");
  }

  @Override
  public void handle(Request request, Response response) throws Exception {
    table.handle(request, response);
  }

  /** Collects routes, filters and exception mappings; not thread-safe. */
  public static final class Builder {
    private final String prefix;
    private final RouteTable.Draft draft;

    private Builder(String prefix) {
      this(prefix, new RouteTable.Draft());
    }

    private Builder(String prefix, RouteTable.Draft draft) {
      this.prefix = prefix;
      this.draft = draft;
    }

    /** Routes GET (and so HEAD) requests for {@code pattern} to {@code handler}. */
    public Builder get(String pattern, Handler handler) {
      return route("GET", pattern, handler);
    }

    /** Routes POST requests for {@code pattern} to {@code handler}. */
    public Builder post(String pattern, Handler handler) {
      return route("POST", pattern, handler);
    }

    /** Routes PUT requests for {@code pattern} to {@code handler}. */
    public Builder put(String pattern, Handler handler) {
      return route("PUT", pattern, handler);
    }

    /** Routes PATCH requests for {@code pattern} to {@code handler}. */
    public Builder patch(String pattern, Handler handler) {
      return route("PATCH", pattern, handler);
    }

    /** Routes DELETE requests for {@code pattern} to {@code handler}. */
    public Builder delete(String pattern, Handler handler) {
      return route("DELETE", pattern, handler);
    }

    /**
     * Routes requests with {@code method} (any token, case-sensitive) for {@code pattern}.
     *
     * @throws IllegalArgumentException when the method is not a token, the pattern does not start
     *     with '/', has a wildcard before its last segment, or the same method and pattern are
     *     already routed
     */
    public Builder route(String method, String pattern, Handler handler) {
      draft.addRoute(method, prefix + pattern, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Adds the routes {@code routes} registers, with {@code prefix} in front of their patterns. */
    public Builder group(String prefix, Consumer<Builder> routes) {
      if (!prefix.startsWith("/") || prefix.endsWith("/")) {
        throw new IllegalArgumentException("a group prefix starts with '/' and does not end with it: " + prefix);
      }
      routes.accept(new Builder(this.prefix + prefix, draft));
      return this;
    }

    /**
     * Runs {@code filter} before the route's handler of every request under this builder's prefix.
     * A filter that sets a body answers the request: the remaining filters and the handler are
     * skipped.
     */
    public Builder before(Handler filter) {
      return before(prefix.isEmpty() ? "/*" : prefix + "/*", filter);
    }

    /** Runs {@code filter} before the handler of requests whose path matches {@code pattern}. */
    public Builder before(String pattern, Handler filter) {
      draft.addFilter(true, pattern, Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Runs {@code filter} after every request under this builder's prefix, even a failed one. */
    public Builder after(Handler filter) {
      return after(prefix.isEmpty() ? "/*" : prefix + "/*", filter);
    }

    /** Runs {@code filter} after requests whose path matches {@code pattern}. */
    public Builder after(String pattern, Handler filter) {
      draft.addFilter(false, pattern, Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Answers {@code status} (with its reason as text) when a handler throws a {@code type}. */
    public <T extends Exception> Builder exception(Class<T> type, int status) {
      return exception(type, (e, req, res) -> res.status(status).text(RouteTable.reason(status)));
    }

    /** Lets {@code handler} answer when a handler or filter throws a {@code type} (or a subtype). */
    public <T extends Exception> Builder exception(Class<T> type, ExceptionHandler<? super T> handler) {
      draft.addExceptionHandler(type, handler);
      return this;
    }

    /** Answers requests no route matches with {@code handler} instead of a plain 404. */
    public Builder notFound(Handler handler) {
      draft.notFound(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** The router; later changes to this builder do not affect it. */
    public Router build() {
      return new Router(draft.build());
    }
  }
}
