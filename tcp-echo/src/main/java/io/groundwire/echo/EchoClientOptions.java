package io.groundwire.echo;

import io.groundwire.echo.internal.DurationChecks;
import java.time.Duration;

/**
 * Timeouts and buffer size of an {@link EchoClient}. Immutable; build with {@link #builder()}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>connectTimeout</td><td>10 seconds</td><td>how long to wait for the TCP handshake</td></tr>
 *   <tr><td>readTimeout</td><td>30 seconds</td><td>how long to wait for echoed bytes still owed; zero waits forever</td></tr>
 *   <tr><td>bufferSize</td><td>64 KiB</td><td>chunk size for streaming</td></tr>
 * </table>
 */
public final class EchoClientOptions {
  private static final EchoClientOptions DEFAULTS = new Builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int bufferSize;

  private EchoClientOptions(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.bufferSize = builder.bufferSize;
  }

  /** The defaults listed in the class description. */
  public static EchoClientOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How long connecting may take. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for echoed bytes that are still owed; {@link Duration#ZERO} waits forever. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The chunk size for streaming, in bytes. */
  public int bufferSize() {
    return bufferSize;
  }

  @Override
  public String toString() {
    return "EchoClientOptions{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", bufferSize=" + bufferSize + "}";
  }

  /** Builds {@link EchoClientOptions}; setters reject invalid values with {@link IllegalArgumentException}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int bufferSize = 64 * 1024;

    private Builder() {}

    /** The connect timeout; must be positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = DurationChecks.positive(connectTimeout, "connectTimeout", "connect timeout");
      return this;
    }

    /** The read timeout; zero waits forever, negative is rejected. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = DurationChecks.nonNegative(readTimeout, "readTimeout", "read timeout");
      return this;
    }

    /** Sets both the connect and the read timeout, as a command line's single {@code --timeout} does. */
    public Builder timeout(Duration timeout) {
      return connectTimeout(timeout).readTimeout(timeout);
    }

    /** The streaming chunk size, 512 bytes to 16 MiB. */
    public Builder bufferSize(int bufferSize) {
      if (bufferSize < 512 || bufferSize > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("buffer size must be between 512 bytes and 16 MiB: " + bufferSize);
      }
      this.bufferSize = bufferSize;
      return this;
    }

    /** The options. */
    public EchoClientOptions build() {
      return new EchoClientOptions(this);
    }
  }
}
