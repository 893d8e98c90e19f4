package io.groundwire.http.server;

import io.groundwire.http.server.internal.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 server: handlers on virtual threads with plain blocking I/O (how connections wait
 * for bytes is the {@link Engine}'s choice), every limit from {@link HttpServerOptions}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder()
 *     .port(8080)
 *     .get("/", (req, res) -> res.text("Hello, World!"))
 *     .start();
 * }</pre>
 *
 * <p>{@link #close()} drains: it stops accepting, closes idle keep-alive connections at once, lets
 * requests in flight finish within the grace period and then closes what is left.
 */
public final class HttpServer implements AutoCloseable {
  private final HttpServerOptions options;
  private final Handler handler;
  private volatile Listener listener;
  private final ReentrantLock starting = new ReentrantLock(); // not a monitor: close() may wait long

  private HttpServer(HttpServerOptions options, Handler handler) {
    this.options = Objects.requireNonNull(options, "options");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** A server that is not started yet, answering every request with {@code handler}. */
  public static HttpServer create(HttpServerOptions options, Handler handler) {
    return new HttpServer(options, handler);
  }

  /** A builder for options and routes together. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts accepting connections.
   *
   * @throws IOException when the address cannot be bound or the TLS keystore cannot be loaded
   * @throws IllegalStateException when already started
   */
  public HttpServer start() throws IOException {
    starting.lock();
    try {
      if (listener != null) throw new IllegalStateException("already started");
      listener = Listener.start(options, handler);
      return this;
    } finally {
      starting.unlock();
    }
  }

  /**
   * The port the server listens on (the real one when the options said 0).
   *
   * @throws IllegalStateException when not started
   */
  public int port() {
    return started().address().getPort();
  }

  /** The address the server listens on; throws IllegalStateException when not started. */
  public InetSocketAddress address() {
    return started().address();
  }

  /** The options the server runs with. */
  public HttpServerOptions options() {
    return options;
  }

  /** The number of open connections. */
  public int connectionCount() {
    Listener l = listener;
    return l == null ? 0 : l.connectionCount();
  }

  /**
   * Stops accepting, closes idle connections, waits up to the grace period for requests in flight
   * and then closes every connection. Once it returns the port takes no new connections (it waits
   * up to a second for the accepting thread to let go of it). Does nothing when not started; a
   * second call waits until the first one's drain is over (from a handler, until the port is
   * closed).
   *
   * <p>A handler may call it (a {@code /shutdown} route): it cannot wait for its own request, so it
   * returns once the port is closed and idle connections are, and the drain goes on in the
   * background. The handler's response is still sent, with {@code Connection: close}.
   */
  @Override
  public void close() {
    Listener l;
    starting.lock(); // a start() under way finishes first, and is then closed
    try {
      l = listener;
    } finally {
      starting.unlock();
    }
    if (l != null) l.close();
  }

  private Listener started() {
    Listener l = listener;
    if (l == null) throw new IllegalStateException("not started");
    return l;
  }

  /** Builds a server from options and routes: the routes go to a {@link Router}. */
  public static final class Builder {
    private HttpServerOptions.Builder options = HttpServerOptions.builder();
    private final Router.Builder routes = Router.builder();
    private Handler handler;

    private Builder() {}

    /** Replaces every option with {@code options}. */
    public Builder options(HttpServerOptions options) {
      this.options = options.toBuilder();
      return this;
    }

    /** Changes options in place: {@code .options(o -> o.maxBodySize(10 << 20))}. */
    public Builder options(Consumer<HttpServerOptions.Builder> change) {
      change.accept(options);
      return this;
    }

    /** Listens on {@code port} (0 = any free port). */
    public Builder port(int port) {
      options.port(port);
      return this;
    }

    /** Listens on {@code address} only. */
    public Builder bindAddress(InetAddress address) {
      options.bindAddress(address);
      return this;
    }

    /** Answers every request with {@code handler} instead of the routes. */
    public Builder handler(Handler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Adds a GET (and HEAD) route; see {@link Router.Builder#get}. */
    public Builder get(String pattern, Handler handler) {
      routes.get(pattern, handler);
      return this;
    }

    /** Adds a POST route. */
    public Builder post(String pattern, Handler handler) {
      routes.post(pattern, handler);
      return this;
    }

    /** Adds a PUT route. */
    public Builder put(String pattern, Handler handler) {
      routes.put(pattern, handler);
      return this;
    }

    /** Adds a DELETE route. */
    public Builder delete(String pattern, Handler handler) {
      routes.delete(pattern, handler);
      return this;
    }

    /** Adds a route for any method; see {@link Router.Builder#route}. */
    public Builder route(String method, String pattern, Handler handler) {
      routes.route(method, pattern, handler);
      return this;
    }

    /** Adds routes, filters and exception mappings to the router: {@code .routes(r -> r.group(...))}. */
    public Builder routes(Consumer<Router.Builder> change) {
      change.accept(routes);
      return this;
    }

    /** The server, not started. */
    public HttpServer build() {
      return new HttpServer(options.build(), handler != null ? handler : routes.build());
    }

    /**
     * Builds and starts the server.
     *
     * @throws IOException as {@link HttpServer#start()}
     */
    public HttpServer start() throws IOException {
      return build().start();
    }
  }
}
