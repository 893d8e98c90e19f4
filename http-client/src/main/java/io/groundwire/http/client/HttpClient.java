package io.groundwire.http.client;

import io.groundwire.http.client.internal.CallEngine;
import io.groundwire.http.client.internal.ClientConfig;
import io.groundwire.http.client.internal.TlsContexts;
import io.groundwire.http.internal.Syntax;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 client with a keep-alive connection pool. Thread-safe: share one instance. Calls
 * block the calling thread and are cheap on virtual threads; {@link #sendAsync} runs a call on a
 * new virtual thread.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.builder().callTimeout(Duration.ofSeconds(5)).build();
 * try (Response response = client.send(Request.get("https://example.com/"))) {
 *   System.out.println(response.status() + " " + response.body().string());
 * }
 * }</pre>
 *
 * <p>Safe defaults: every timeout is on; only idempotent requests are retried, once, and only when
 * a pooled connection turns out closed; hostname verification is always on; https→http redirects
 * are refused. {@link #close()} closes idle connections.
 */
public final class HttpClient implements AutoCloseable {
  private final ClientConfig config;
  private final CallEngine engine;
  private final ExecutorService asyncExecutor = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("groundwire-http-client-", 0).factory());

  private HttpClient(Builder builder) {
    this.config = new ClientConfig(
        builder.connectTimeout, builder.readTimeout, builder.writeTimeout, builder.callTimeout,
        builder.expectContinueTimeout, builder.followRedirects, builder.maxRedirects,
        builder.allowHttpsToHttpRedirects, builder.retryOnStaleConnection, builder.maxIdleConnections,
        builder.keepAlive, builder.insecure ? TlsContexts.insecure() : builder.sslContext,
        builder.insecure, builder.userAgent, builder.contentDecompression, builder.eventListener);
    this.engine = new CallEngine(config);
  }

  /** A client with the default settings (see {@link Builder}). */
  public static HttpClient newClient() {
    return builder().build();
  }

  /** A builder with the default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends {@code request}, follows redirects if enabled, and returns the final response once its
   * head has arrived. The caller must close the response (or read its body to the end).
   *
   * @throws HttpTimeoutException when a time limit passes: {@link ConnectTimeoutException},
   *     {@link ReadTimeoutException}, {@link WriteTimeoutException} or {@link CallTimeoutException}
   * @throws MalformedResponseException when the server's bytes are not valid HTTP/1.1
   * @throws ConnectionClosedException when the server closed or reset the connection before answering
   * @throws RedirectException when a redirect cannot be followed
   * @throws IOException for other I/O failures (connection refused, unknown host, TLS)
   */
  public Response send(Request request) throws IOException {
    return engine.execute(request);
  }

  /** Sends {@code request} on a new virtual thread; the future fails with the exception {@link #send} throws. */
  public CompletableFuture<Response> sendAsync(Request request) {
    CompletableFuture<Response> future = new CompletableFuture<>();
    try {
      asyncExecutor.execute(() -> {
        try {
          future.complete(send(request));
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException closed) {
      future.completeExceptionally(new HttpClientException(
          "the client is closed: " + request.method() + " " + request.url() + " not sent", closed));
    }
    return future;
  }

  /** Connections currently carrying a call or holding an unread body: 0 once every response is closed. */
  public int connectionsInUse() {
    return engine.pool().inUseCount();
  }

  /** Idle keep-alive connections kept for reuse. */
  public int idleConnections() {
    return engine.pool().idleCount();
  }

  /**
   * Closes idle connections and refuses to pool more; calls in progress finish normally, with their
   * time limits. Later calls fail with {@link HttpClientException} without sending anything.
   */
  @Override
  public void close() {
    engine.shutdown();
    asyncExecutor.shutdown();
  }

  /**
   * Builds {@link HttpClient}s. Every setting has a default, listed with it. A time limit may be as
   * long as {@link Duration} allows: one beyond about 73 years is cut to that. Not thread-safe.
   */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration writeTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration expectContinueTimeout = Duration.ofSeconds(1);
    private boolean followRedirects = true;
    private int maxRedirects = 20;
    private boolean allowHttpsToHttpRedirects;
    private boolean retryOnStaleConnection = true;
    private int maxIdleConnections = 5;
    private Duration keepAlive = Duration.ofMinutes(5);
    private SSLContext sslContext;
    private boolean insecure;
    private String userAgent = "groundwire/0.1";
    private boolean contentDecompression = true;
    private EventListener eventListener = EventListener.NONE;

    private Builder() {}

    /** Time to establish TCP and TLS with one address. Default 10 s; {@code ZERO} for none. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout);
      return this;
    }

    /** Longest wait for the next bytes of a response. Default 10 s; {@code ZERO} for none. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout);
      return this;
    }

    /** Longest a write may block. Default 10 s; {@code ZERO} for none. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * Deadline for the whole call: connecting, redirects, writing, and reading the response head
     * and body. Default 30 s; {@code ZERO} for none. A request can override it.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout);
      return this;
    }

    /** How long to wait for {@code 100 Continue} before sending the body anyway. Default 1 s. */
    public Builder expectContinueTimeout(Duration timeout) {
      this.expectContinueTimeout = nonNegative(timeout);
      return this;
    }

    /** Whether 3xx responses with a {@code Location} are followed. Default true. */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /** Most redirects followed in one call. Default 20. */
    public Builder maxRedirects(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxRedirects < 0: " + max);
      }
      this.maxRedirects = max;
      return this;
    }

    /** Whether a redirect may go from https to http. Default false. */
    public Builder allowHttpsToHttpRedirects(boolean allow) {
      this.allowHttpsToHttpRedirects = allow;
      return this;
    }

    /**
     * Whether an idempotent request is retried once on a new connection when a pooled connection
     * was closed by the server before any response byte, or held bytes that do not start a
     * response (the tail of an earlier response longer than it declared). Default true; never for
     * POST or PATCH, nor for a one-shot body.
     */
    public Builder retryOnStaleConnection(boolean retry) {
      this.retryOnStaleConnection = retry;
      return this;
    }

    /** Most idle connections kept (all hosts together). Default 5; 0 disables keep-alive reuse. */
    public Builder maxIdleConnections(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxIdleConnections < 0: " + max);
      }
      this.maxIdleConnections = max;
      return this;
    }

    /** How long an idle connection is kept. Default 5 minutes. */
    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = nonNegative(keepAlive);
      return this;
    }

    /** The TLS context (trust and key material). Default: the JDK's, trusting its CA certificates. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Trusts only the certificates in {@code file}: PEM certificates or a PKCS#12 store (with
     * {@code password}, may be null for PEM). Hostname verification stays on.
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public Builder trustCertificates(Path file, char[] password) throws IOException {
      this.sslContext = TlsContexts.trusting(file, password);
      return this;
    }

    /**
     * DANGEROUS: accepts any certificate for any host, defeating TLS. Exists for the CLI's
     * {@code -k} against test servers; never use it in a program. Default false.
     */
    public Builder insecureTrustAnyCertificate(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * The {@code User-Agent} sent when a request has none; null to send none. Default {@code groundwire/0.1}.
     *
     * @throws IllegalArgumentException when it holds a character a field value may not (CR, LF, NUL)
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent == null ? null : Syntax.checkFieldValue("User-Agent", userAgent);
      return this;
    }

    /**
     * Whether to ask for compressed bodies ({@code Accept-Encoding: gzip, deflate}) and decompress
     * them as they are read. Default true. It never applies to a request that sets its own
     * {@code Accept-Encoding}, asks for a {@code Range}, or is a HEAD. Off, the client adds no
     * {@code Accept-Encoding} and hands every body over as it came, with its headers.
     */
    public Builder contentDecompression(boolean decompress) {
      this.contentDecompression = decompress;
      return this;
    }

    /** Receives the events of every call. Default {@link EventListener#NONE}. */
    public Builder eventListener(EventListener listener) {
      this.eventListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The client. */
    public HttpClient build() {
      return new HttpClient(this);
    }

    private static Duration nonNegative(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration: " + d);
      }
      return d;
    }
  }
}
