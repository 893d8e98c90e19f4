package io.groundwire.echo;

import io.groundwire.echo.internal.DurationChecks;
import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link EchoBenchmark} run does. Immutable; build with {@link #builder()}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>mode</td><td>THROUGHPUT</td><td>streaming both ways, or ping-pong latency</td></tr>
 *   <tr><td>connections</td><td>1</td><td>parallel connections</td></tr>
 *   <tr><td>duration</td><td>10 seconds</td><td>how long to measure, after the warm-up</td></tr>
 *   <tr><td>totalBytes</td><td>0 (off)</td><td>when set, measure until this many bytes are echoed instead (no warm-up)</td></tr>
 *   <tr><td>messageSize</td><td>64 KiB (throughput), 64 bytes (latency)</td><td>bytes per write / per ping</td></tr>
 *   <tr><td>warmup</td><td>1 second</td><td>run this long before measuring, so the JIT and TCP windows settle</td></tr>
 *   <tr><td>connectTimeout</td><td>5 seconds</td><td>per connection; also how long the run waits for a stalled server</td></tr>
 * </table>
 */
public final class EchoBenchmarkOptions {
  /** The default message size in throughput mode. */
  public static final int DEFAULT_THROUGHPUT_MESSAGE_SIZE = 64 * 1024;
  /** The default message size in latency mode. */
  public static final int DEFAULT_LATENCY_MESSAGE_SIZE = 64;

  private final BenchmarkMode mode;
  private final int connections;
  private final Duration duration;
  private final long totalBytes;
  private final int messageSize;
  private final Duration warmup;
  private final Duration connectTimeout;

  private EchoBenchmarkOptions(Builder builder) {
    this.mode = builder.mode;
    this.connections = builder.connections;
    this.duration = builder.duration;
    this.totalBytes = builder.totalBytes;
    this.messageSize = builder.messageSize > 0 ? builder.messageSize
        : builder.mode == BenchmarkMode.LATENCY ? DEFAULT_LATENCY_MESSAGE_SIZE : DEFAULT_THROUGHPUT_MESSAGE_SIZE;
    this.warmup = builder.warmup;
    this.connectTimeout = builder.connectTimeout;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Throughput or latency. */
  public BenchmarkMode mode() {
    return mode;
  }

  /** Number of parallel connections. */
  public int connections() {
    return connections;
  }

  /** How long to measure (ignored when {@link #totalBytes()} is set). */
  public Duration duration() {
    return duration;
  }

  /** Bytes to echo in total across all connections, or 0 to run for {@link #duration()}. */
  public long totalBytes() {
    return totalBytes;
  }

  /** Bytes per message (per write in throughput mode, per ping in latency mode). */
  public int messageSize() {
    return messageSize;
  }

  /** How long to run before measuring. */
  public Duration warmup() {
    return warmup;
  }

  /** The connect timeout, also the longest the run waits for a server that stopped echoing. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public String toString() {
    return "EchoBenchmarkOptions{mode=" + mode + ", connections=" + connections + ", duration=" + duration
        + ", totalBytes=" + totalBytes + ", messageSize=" + messageSize + ", warmup=" + warmup
        + ", connectTimeout=" + connectTimeout + "}";
  }

  /** Builds {@link EchoBenchmarkOptions}; setters reject invalid values with {@link IllegalArgumentException}. */
  public static final class Builder {
    private BenchmarkMode mode = BenchmarkMode.THROUGHPUT;
    private int connections = 1;
    private Duration duration = Duration.ofSeconds(10);
    private long totalBytes;
    private int messageSize;
    private Duration warmup = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /** Throughput (default) or latency. */
    public Builder mode(BenchmarkMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Parallel connections, 1 to 4,096 (two client threads each in throughput mode). */
    public Builder connections(int connections) {
      if (connections < 1 || connections > 4_096) {
        throw new IllegalArgumentException("connections must be between 1 and 4096: " + connections);
      }
      this.connections = connections;
      return this;
    }

    /** How long to measure; positive. */
    public Builder duration(Duration duration) {
      this.duration = DurationChecks.positive(duration, "duration", "duration");
      return this;
    }

    /** Measure until this many bytes are echoed (at least 1), instead of for a duration; 0 turns it off. */
    public Builder totalBytes(long totalBytes) {
      if (totalBytes < 0) {
        throw new IllegalArgumentException("total bytes must not be negative: " + totalBytes);
      }
      this.totalBytes = totalBytes;
      return this;
    }

    /** Bytes per message, 1 byte to 16 MiB; unset means 64 KiB for throughput and 64 bytes for latency. */
    public Builder messageSize(int messageSize) {
      if (messageSize < 1 || messageSize > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("message size must be between 1 byte and 16 MiB: " + messageSize);
      }
      this.messageSize = messageSize;
      return this;
    }

    /** Warm-up before measuring; zero skips it. */
    public Builder warmup(Duration warmup) {
      this.warmup = DurationChecks.nonNegative(warmup, "warmup", "warm-up");
      return this;
    }

    /** Connect timeout (and stall timeout); positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = DurationChecks.positive(connectTimeout, "connectTimeout", "connect timeout");
      return this;
    }

    /** The options. */
    public EchoBenchmarkOptions build() {
      return new EchoBenchmarkOptions(this);
    }
  }
}
