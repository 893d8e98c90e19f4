package io.groundwire.http.client.internal;

import io.groundwire.http.client.EventListener;
import io.groundwire.http.client.HttpClientException;
import io.groundwire.http.client.HttpUrl;
import io.groundwire.http.client.RedirectLoopException;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import io.groundwire.http.client.TooManyRedirectsException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs calls: applies the deadline, follows redirects, takes connections from the pool (or opens
 * new ones), and retries an idempotent request once when a pooled connection was stale.
 */
public final class CallEngine {
  private final ClientConfig config;
  private final ConnectionPool pool;
  private final Connector connector;
  private final Watchdog watchdog;
  private volatile boolean shutdown;
  private final long callTimeoutNanos;

  /** An engine with its own pool, connector and watchdog. */
  public CallEngine(ClientConfig config) {
    this.config = config;
    this.pool = new ConnectionPool(config.maxIdleConnections(), ClientConfig.nanos(config.keepAlive()));
    this.watchdog = new Watchdog(pool);
    this.connector = new Connector(config, watchdog);
    this.callTimeoutNanos = ClientConfig.nanos(config.callTimeout());
  }

  /** The client settings. */
  public ClientConfig config() {
    return config;
  }

  /** The connection pool. */
  public ConnectionPool pool() {
    return pool;
  }

  /** Sends {@code request} and follows redirects; returns the final response with its body unread. */
  public Response execute(Request request) throws IOException {
    if (shutdown) {
      throw new HttpClientException("the client is closed: " + request.method() + " " + request.url() + " not sent");
    }
    EventListener listener = config.eventListener();
    Duration timeout = request.timeout();
    Deadline deadline = Deadline.after(timeout != null ? ClientConfig.nanos(timeout) : callTimeoutNanos);
    listener.callStart(request);
    try {
      Request current = request;
      Set<String> visited = null;
      int redirects = 0;
      while (true) {
        Response response = exchange(current, deadline);
        if (response.status() == 417 && Http1Codec.expectsContinue(current) && replayable(current)) {
          // RFC 9110 §10.1.1: 417 only says that the expectation is not supported on the way; the
          // client should repeat the request without it.
          response.close();
          current = current.toBuilder().removeHeader("Expect").build();
          response = exchange(current, deadline);
        }
        Request next = config.followRedirects() ? nextOrClose(response) : null;
        if (next == null) {
          listener.callEnd(request);
          return response;
        }
        if (visited == null) {
          visited = new HashSet<>();
          visited.add(current.method() + " " + current.url());
        }
        if (!visited.add(next.method() + " " + next.url())) {
          throw new RedirectLoopException("redirect loop: " + current.url() + " -> " + next.url()
              + " was already visited in this call");
        }
        if (++redirects > config.maxRedirects()) {
          throw new TooManyRedirectsException("too many redirects: more than " + config.maxRedirects()
              + " starting at " + request.url());
        }
        listener.redirect(response, next);
        current = next;
      }
    } catch (IOException e) {
      listener.callFailed(request, e);
      throw e;
    }
  }

  private Request nextOrClose(Response response) throws IOException {
    Request next;
    try {
      next = Redirects.next(response, config.allowHttpsToHttpRedirects());
    } catch (IOException e) {
      response.close();
      throw e;
    }
    if (next != null) {
      response.close(); // drains a small body so the connection can be reused for the next hop
    }
    return next;
  }

  /** One request on one connection, retried once on a fresh connection if a pooled one was stale. */
  private Response exchange(Request request, Deadline deadline) throws IOException {
    HttpUrl url = request.url();
    Address address = new Address(url.isHttps(), url.host(), url.port());
    boolean retried = false;
    while (true) {
      deadline.check("before sending " + request);
      // a retry always goes to a new connection: other pooled ones may be just as stale
      RealConnection connection = retried ? null : pool.acquire(address, System.nanoTime());
      boolean reused = connection != null;
      if (connection == null) {
        connection = connector.connect(address, request, deadline);
        pool.register(connection);
      }
      connection.startExchange(deadline.endNanos());
      watchdog.ensureRunning();
      config.eventListener().connectionAcquired(request, reused);
      try {
        return new Exchange(this, connection, reused).execute(request);
      } catch (StaleConnectionException e) {
        release(connection, false);
        if (!retried && retryable(request)) {
          retried = true;
          config.eventListener().retry(request, e.failure());
          continue;
        }
        throw e.failure();
      } catch (IOException | RuntimeException e) {
        release(connection, false);
        throw e;
      }
    }
  }

  private boolean retryable(Request request) {
    return config.retryOnStaleConnection() && request.method().isIdempotent() && replayable(request);
  }

  private static boolean replayable(Request request) {
    return request.body() == null || !request.body().isOneShot();
  }

  /** Ends an exchange on {@code connection}: back to the pool if {@code reusable}, else closed. */
  void release(RealConnection connection, boolean reusable) {
    pool.release(connection, reusable, System.nanoTime());
  }

  /**
   * Refuses new calls, closes idle connections and stops pooling; the watchdog goes on enforcing
   * the deadlines of calls in progress until none is left.
   */
  public void shutdown() {
    shutdown = true;
    pool.shutdown();
    watchdog.shutdown();
  }
}
