package io.groundwire.echo;

import io.groundwire.echo.internal.DurationChecks;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Every limit and timeout of an {@link EchoServer}, each with a documented default. Immutable; build
 * one with {@link #builder()} or take {@link #defaults()}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>bindAddress</td><td>all interfaces (IPv4 and IPv6)</td><td>local address to listen on</td></tr>
 *   <tr><td>port</td><td>7007</td><td>TCP (and UDP) port; 0 picks a free ephemeral port</td></tr>
 *   <tr><td>backlog</td><td>511</td><td>pending connections the kernel queues (like nginx)</td></tr>
 *   <tr><td>maxConnections</td><td>10,000</td><td>open conversations; beyond it new ones are closed at once</td></tr>
 *   <tr><td>idleTimeout</td><td>5 minutes</td><td>a conversation that has not read, nor finished writing an echo, for this long is closed (an echo is one write of up to the buffer size); zero disables</td></tr>
 *   <tr><td>closeGrace</td><td>5 seconds</td><td>how long {@link EchoServer#close()} lets open conversations finish</td></tr>
 *   <tr><td>bufferSize</td><td>64 KiB</td><td>the one buffer each conversation echoes through</td></tr>
 *   <tr><td>udp</td><td>off</td><td>also echo UDP datagrams on the same port (RFC 862)</td></tr>
 *   <tr><td>busyPoll</td><td>50 µs</td><td>after each echo, keep polling the socket this long before the
 *     thread parks, while the client keeps answering within it (see {@link Builder#busyPoll(Duration)})</td></tr>
 * </table>
 */
public final class EchoServerOptions {
  /** The port RFC 862 assigns is 7, which needs privileges; Groundwire listens on 7007 by default. */
  public static final int DEFAULT_PORT = 7007;

  private static final EchoServerOptions DEFAULTS = new Builder().build();

  private final InetAddress bindAddress;
  private final int port;
  private final int backlog;
  private final int maxConnections;
  private final Duration idleTimeout;
  private final Duration closeGrace;
  private final int bufferSize;
  private final boolean udp;
  private final Duration busyPoll;

  private EchoServerOptions(Builder builder) {
    this.bindAddress = builder.bindAddress;
    this.port = builder.port;
    this.backlog = builder.backlog;
    this.maxConnections = builder.maxConnections;
    this.idleTimeout = builder.idleTimeout;
    this.closeGrace = builder.closeGrace;
    this.bufferSize = builder.bufferSize;
    this.udp = builder.udp;
    this.busyPoll = builder.busyPoll;
  }

  /** The defaults listed in the class description. */
  public static EchoServerOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.bindAddress = bindAddress;
    builder.port = port;
    builder.backlog = backlog;
    builder.maxConnections = maxConnections;
    builder.idleTimeout = idleTimeout;
    builder.closeGrace = closeGrace;
    builder.bufferSize = bufferSize;
    builder.udp = udp;
    builder.busyPoll = busyPoll;
    return builder;
  }

  /** The local address to listen on, or null for all interfaces (IPv4 and IPv6). */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The port to listen on; 0 means an ephemeral port chosen by the system. */
  public int port() {
    return port;
  }

  /** How many not-yet-accepted connections the kernel queues. */
  public int backlog() {
    return backlog;
  }

  /** How many conversations may be open at once. */
  public int maxConnections() {
    return maxConnections;
  }

  /** How long a conversation may stay without moving a byte; {@link Duration#ZERO} means forever. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** How long {@link EchoServer#close()} lets open conversations go on before closing them. */
  public Duration closeGrace() {
    return closeGrace;
  }

  /** The size of each conversation's echo buffer in bytes. */
  public int bufferSize() {
    return bufferSize;
  }

  /** Whether UDP datagrams are echoed too, on the same port. */
  public boolean udp() {
    return udp;
  }

  /** How long a conversation polls its socket before it parks; {@link Duration#ZERO} when it parks at once. */
  public Duration busyPoll() {
    return busyPoll;
  }

  @Override
  public String toString() {
    return "EchoServerOptions{bindAddress=" + (bindAddress == null ? "*" : bindAddress.getHostAddress())
        + ", port=" + port + ", backlog=" + backlog + ", maxConnections=" + maxConnections
        + ", idleTimeout=" + idleTimeout + ", closeGrace=" + closeGrace
        + ", bufferSize=" + bufferSize + ", udp=" + udp + ", busyPoll=" + busyPoll + "}";
  }

  /** Builds {@link EchoServerOptions}; every setter rejects an invalid value with an {@link IllegalArgumentException}. */
  public static final class Builder {
    private InetAddress bindAddress;
    private int port = DEFAULT_PORT;
    private int backlog = 511;
    private int maxConnections = 10_000;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration closeGrace = Duration.ofSeconds(5);
    private int bufferSize = 64 * 1024;
    private boolean udp;
    private Duration busyPoll = Duration.ofNanos(50_000);

    private Builder() {}

    /**
     * Listens on this local address only; null (the default) listens on all interfaces, IPv4 and
     * IPv6. {@code 0.0.0.0} means all IPv4 interfaces only, {@code ::} all interfaces, both families.
     */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** The port, 0 to 65535; 0 picks an ephemeral port (read it back with {@link EchoServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The accept backlog, at least 1. */
    public Builder backlog(int backlog) {
      if (backlog < 1) {
        throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
      }
      this.backlog = backlog;
      return this;
    }

    /** The most conversations open at once, at least 1. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("max connections must be at least 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** The idle timeout; {@link Duration#ZERO} disables it. Must not be negative. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = nonNegative(idleTimeout, "idle timeout");
      return this;
    }

    /** The grace period {@link EchoServer#close()} gives open conversations. Must not be negative. */
    public Builder closeGrace(Duration closeGrace) {
      this.closeGrace = nonNegative(closeGrace, "close grace period");
      return this;
    }

    /** The per-conversation buffer size, 512 bytes to 16 MiB. */
    public Builder bufferSize(int bufferSize) {
      if (bufferSize < 512 || bufferSize > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("buffer size must be between 512 bytes and 16 MiB: " + bufferSize);
      }
      this.bufferSize = bufferSize;
      return this;
    }

    /** Whether to echo UDP datagrams on the same port too. */
    public Builder udp(boolean udp) {
      this.udp = udp;
      return this;
    }

    /**
     * Busy polling, for the shortest round trip: after each echo the conversation keeps trying to
     * read, letting the other conversations run in between, for up to this long before its thread
     * parks. A message that arrives meanwhile is read at once, without the two thread wake-ups (the
     * JDK's poller, then the virtual thread's carrier) that a parked thread needs. On loopback here
     * the median 64-byte round trip fell from 62 to 20 µs (the C epoll server's: 60 µs). The core
     * stays busy while a ping-pong runs, but each round trip costs less CPU than parking did (23
     * against 37 µs), since a wake-up costs more than the polling ({@code docs/benchmarks.md}).
     *
     * <p>Polling pays only while the client answers within the window, so a conversation polls
     * only while its last message came within it. A slower client (one across a real network, or
     * one that pauses) costs one window of polling, once, and then its conversation waits without
     * polling until a message comes quickly again. At most one conversation of the server polls at
     * a time; the others park as usual.
     *
     * <p>Default 50 µs; {@link Duration#ZERO} turns polling off. At most one second.
     */
    public Builder busyPoll(Duration busyPoll) {
      nonNegative(busyPoll, "busy poll");
      if (busyPoll.compareTo(Duration.ofSeconds(1)) > 0) {
        throw new IllegalArgumentException("busy poll must be at most 1 s: " + busyPoll);
      }
      this.busyPoll = busyPoll;
      return this;
    }

    /** The options. */
    public EchoServerOptions build() {
      return new EchoServerOptions(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      return DurationChecks.nonNegative(value, name, name);
    }
  }
}
