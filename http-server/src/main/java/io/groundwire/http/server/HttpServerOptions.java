package io.groundwire.http.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything an {@link HttpServer} can be configured with, each with an nginx-like default. Immutable;
 * build one with {@link #builder()}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>bindAddress</td><td>all interfaces</td><td></td></tr>
 *   <tr><td>port</td><td>8080 (0 = any free port)</td><td></td></tr>
 *   <tr><td>backlog</td><td>511 (nginx)</td><td>the kernel drops SYNs</td></tr>
 *   <tr><td>maxRequestLineLength</td><td>8 KiB (nginx large_client_header_buffers)</td><td>414</td></tr>
 *   <tr><td>maxHeaderSize</td><td>8 KiB (nginx large_client_header_buffers 8k)</td><td>431</td></tr>
 *   <tr><td>maxHeaderCount</td><td>100</td><td>431</td></tr>
 *   <tr><td>maxBodySize</td><td>1 MiB (nginx client_max_body_size)</td><td>413 and close</td></tr>
 *   <tr><td>headerTimeout</td><td>60 s (nginx client_header_timeout)</td><td>408 and close</td></tr>
 *   <tr><td>bodyTimeout</td><td>60 s between two reads (nginx client_body_timeout)</td><td>408 and close</td></tr>
 *   <tr><td>idleTimeout</td><td>75 s (nginx keepalive_timeout)</td><td>close</td></tr>
 *   <tr><td>writeTimeout</td><td>60 s per write that waits for the client (nginx send_timeout); a handler's own pauses between writes do not count</td><td>close</td></tr>
 *   <tr><td>maxRequestsPerConnection</td><td>1000 (nginx keepalive_requests)</td><td>Connection: close</td></tr>
 *   <tr><td>maxConnections</td><td>16384</td><td>503 and close</td></tr>
 *   <tr><td>gracePeriod</td><td>10 s</td><td>in-flight requests cut off at close()</td></tr>
 *   <tr><td>maxDrainSize</td><td>256 KiB</td><td>an unread body larger than this closes the connection</td></tr>
 *   <tr><td>serverName</td><td>groundwire</td><td>sent as Server header; null omits it</td></tr>
 *   <tr><td>tls</td><td>off</td><td>a PKCS#12 keystore and its password</td></tr>
 *   <tr><td>accessLog</td><td>{@link AccessLog#none()}</td><td></td></tr>
 *   <tr><td>engine</td><td>{@link Engine#EVENT_LOOP}</td><td></td></tr>
 * </table>
 */
public final class HttpServerOptions {
  private final InetAddress bindAddress;
  private final int port;
  private final int backlog;
  private final int maxRequestLineLength;
  private final int maxHeaderSize;
  private final int maxHeaderCount;
  private final long maxBodySize;
  private final Duration headerTimeout;
  private final Duration bodyTimeout;
  private final Duration idleTimeout;
  private final Duration writeTimeout;
  private final int maxRequestsPerConnection;
  private final int maxConnections;
  private final Duration gracePeriod;
  private final long maxDrainSize;
  private final String serverName;
  private final Path tlsKeystore;
  private final char[] tlsPassword;
  private final AccessLog accessLog;
  private final Engine engine;

  private HttpServerOptions(Builder b) {
    bindAddress = b.bindAddress;
    port = b.port;
    backlog = b.backlog;
    maxRequestLineLength = b.maxRequestLineLength;
    maxHeaderSize = b.maxHeaderSize;
    maxHeaderCount = b.maxHeaderCount;
    maxBodySize = b.maxBodySize;
    headerTimeout = b.headerTimeout;
    bodyTimeout = b.bodyTimeout;
    idleTimeout = b.idleTimeout;
    writeTimeout = b.writeTimeout;
    maxRequestsPerConnection = b.maxRequestsPerConnection;
    maxConnections = b.maxConnections;
    gracePeriod = b.gracePeriod;
    maxDrainSize = b.maxDrainSize;
    serverName = b.serverName;
    tlsKeystore = b.tlsKeystore;
    tlsPassword = b.tlsPassword == null ? null : b.tlsPassword.clone();
    accessLog = b.accessLog;
    engine = b.engine;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options with every default. */
  public static HttpServerOptions defaults() {
    return builder().build();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bindAddress = bindAddress;
    b.port = port;
    b.backlog = backlog;
    b.maxRequestLineLength = maxRequestLineLength;
    b.maxHeaderSize = maxHeaderSize;
    b.maxHeaderCount = maxHeaderCount;
    b.maxBodySize = maxBodySize;
    b.headerTimeout = headerTimeout;
    b.bodyTimeout = bodyTimeout;
    b.idleTimeout = idleTimeout;
    b.writeTimeout = writeTimeout;
    b.maxRequestsPerConnection = maxRequestsPerConnection;
    b.maxConnections = maxConnections;
    b.gracePeriod = gracePeriod;
    b.maxDrainSize = maxDrainSize;
    b.serverName = serverName;
    b.tlsKeystore = tlsKeystore;
    b.tlsPassword = tlsPassword == null ? null : tlsPassword.clone();
    b.accessLog = accessLog;
    b.engine = engine;
    return b;
  }

  /** The address to listen on; null means all interfaces. */
  public InetAddress bindAddress() { return bindAddress; }

  /** The port to listen on; 0 picks a free one (read it with {@link HttpServer#port()}). */
  public int port() { return port; }

  /** The length of the kernel's queue of connections not yet accepted. */
  public int backlog() { return backlog; }

  /** The longest request line accepted, in bytes; longer ones get 414. */
  public int maxRequestLineLength() { return maxRequestLineLength; }

  /** The largest header section accepted, in bytes; larger ones get 431. */
  public int maxHeaderSize() { return maxHeaderSize; }

  /** The most header fields accepted; more get 431. */
  public int maxHeaderCount() { return maxHeaderCount; }

  /** The largest request body accepted, in bytes; larger ones get 413. */
  public long maxBodySize() { return maxBodySize; }

  /** How long a client may take to send a whole request head; slower ones get 408. */
  public Duration headerTimeout() { return headerTimeout; }

  /** How long a client may pause while sending a body; longer pauses get 408. */
  public Duration bodyTimeout() { return bodyTimeout; }

  /** How long a keep-alive connection may sit idle between requests before it is closed. */
  public Duration idleTimeout() { return idleTimeout; }

  /** How long a write to a client may stall before the connection is closed. */
  public Duration writeTimeout() { return writeTimeout; }

  /** The most requests served on one connection; the last one is answered with Connection: close. */
  public int maxRequestsPerConnection() { return maxRequestsPerConnection; }

  /** The most connections open at once; more are answered 503 and closed. */
  public int maxConnections() { return maxConnections; }

  /** How long {@link HttpServer#close()} lets in-flight requests finish. */
  public Duration gracePeriod() { return gracePeriod; }

  /** The most bytes of an unread request body drained to keep the connection; beyond it, close. */
  public long maxDrainSize() { return maxDrainSize; }

  /** The Server header's value, or null to send none. */
  public String serverName() { return serverName; }

  /** The PKCS#12 keystore for TLS, or null for plain TCP. */
  public Path tlsKeystore() { return tlsKeystore; }

  /** A copy of the keystore password, or null. */
  public char[] tlsPassword() { return tlsPassword == null ? null : tlsPassword.clone(); }

  /** Where access log lines go. */
  public AccessLog accessLog() { return accessLog; }

  /** How connections wait for bytes (see {@link Engine}). */
  public Engine engine() { return engine; }

  /** Builds {@link HttpServerOptions}; each setter checks its argument and throws IllegalArgumentException. */
  public static final class Builder {
    private InetAddress bindAddress;
    private int port = 8080;
    private int backlog = 511;
    private int maxRequestLineLength = 8 * 1024;
    private int maxHeaderSize = 8 * 1024;
    private int maxHeaderCount = 100;
    private long maxBodySize = 1024 * 1024;
    private Duration headerTimeout = Duration.ofSeconds(60);
    private Duration bodyTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(75);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private int maxRequestsPerConnection = 1000;
    private int maxConnections = 16384;
    private Duration gracePeriod = Duration.ofSeconds(10);
    private long maxDrainSize = 256 * 1024;
    private String serverName = "groundwire";
    private Path tlsKeystore;
    private char[] tlsPassword;
    private AccessLog accessLog = AccessLog.none();
    private Engine engine = Engine.EVENT_LOOP;

    private Builder() {}

    /** Listens on {@code address} only; null for all interfaces. */
    public Builder bindAddress(InetAddress address) { bindAddress = address; return this; }

    /** Listens on {@code port}, 0..65535 (0 = any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
      this.port = port;
      return this;
    }

    /** Sets the accept backlog (at least 1). */
    public Builder backlog(int backlog) { this.backlog = positive("backlog", backlog); return this; }

    /** Sets the longest request line, in bytes. */
    public Builder maxRequestLineLength(int bytes) {
      maxRequestLineLength = positive("maxRequestLineLength", bytes);
      return this;
    }

    /** Sets the largest header section, in bytes. */
    public Builder maxHeaderSize(int bytes) { maxHeaderSize = positive("maxHeaderSize", bytes); return this; }

    /** Sets the most header fields. */
    public Builder maxHeaderCount(int count) { maxHeaderCount = positive("maxHeaderCount", count); return this; }

    /** Sets the largest request body, in bytes (0 refuses every body). */
    public Builder maxBodySize(long bytes) {
      if (bytes < 0) throw new IllegalArgumentException("maxBodySize must be >= 0: " + bytes);
      maxBodySize = bytes;
      return this;
    }

    /** Sets the time allowed for a whole request head. */
    public Builder headerTimeout(Duration timeout) { headerTimeout = positive("headerTimeout", timeout); return this; }

    /** Sets the longest pause allowed while a body is read. */
    public Builder bodyTimeout(Duration timeout) { bodyTimeout = positive("bodyTimeout", timeout); return this; }

    /** Sets how long an idle keep-alive connection is kept. */
    public Builder idleTimeout(Duration timeout) { idleTimeout = positive("idleTimeout", timeout); return this; }

    /** Sets the longest stall allowed while writing a response. */
    public Builder writeTimeout(Duration timeout) { writeTimeout = positive("writeTimeout", timeout); return this; }

    /** Sets the most requests per connection. */
    public Builder maxRequestsPerConnection(int count) {
      maxRequestsPerConnection = positive("maxRequestsPerConnection", count);
      return this;
    }

    /** Sets the most open connections. */
    public Builder maxConnections(int count) { maxConnections = positive("maxConnections", count); return this; }

    /** Sets how long close() waits for in-flight requests (zero closes them at once). */
    public Builder gracePeriod(Duration period) {
      if (period.isNegative()) throw new IllegalArgumentException("gracePeriod must not be negative");
      gracePeriod = period;
      return this;
    }

    /** Sets the most unread body bytes drained to keep a connection open. */
    public Builder maxDrainSize(long bytes) {
      if (bytes < 0) throw new IllegalArgumentException("maxDrainSize must be >= 0: " + bytes);
      maxDrainSize = bytes;
      return this;
    }

    /** Sets the Server header value; null sends none. */
    public Builder serverName(String name) {
      if (name != null && (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' '))) {
        throw new IllegalArgumentException("not a valid Server value: " + name);
      }
      serverName = name;
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate in a PKCS#12 keystore. The file is read by {@link
     * HttpServer#start()}, which fails with an IOException when it cannot be loaded.
     */
    public Builder tls(Path keystore, char[] password) {
      tlsKeystore = Objects.requireNonNull(keystore, "keystore");
      tlsPassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /** Sends access log lines to {@code log}. */
    public Builder accessLog(AccessLog log) { accessLog = Objects.requireNonNull(log, "log"); return this; }

    /** Sets how connections wait for bytes; the default {@link Engine#EVENT_LOOP} makes fewer system calls per request. */
    public Builder engine(Engine engine) { this.engine = Objects.requireNonNull(engine, "engine"); return this; }

    /** The options. */
    public HttpServerOptions build() { return new HttpServerOptions(this); }

    private static int positive(String name, int value) {
      if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
      return value;
    }

    private static Duration positive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
      return value;
    }
  }
}
