package io.groundwire.time;

import io.groundwire.time.internal.DaytimeFormat;
import io.groundwire.time.internal.OneShot;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Samples.LocalTimeline;
import io.groundwire.time.internal.Timeouts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A Daytime (RFC 867) client over TCP or UDP. {@link #line()} returns whatever the server said; {@link
 * #estimate()} also needs to read it, which works for our servers' lines, ISO 8601 and RFC 1123.
 */
public final class DaytimeClient implements TimeSource {
  private static final int MAX_LINE = 512;

  private final InetSocketAddress server;
  private final boolean udp;
  private final Duration timeout;
  private final Clock clock;

  /**
   * A client of {@code server}, over UDP when {@code udp}, else TCP, waiting up to {@code timeout}
   * for the whole answer.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public DaytimeClient(InetSocketAddress server, boolean udp, Duration timeout, Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.udp = udp;
    this.timeout = Timeouts.requirePositive(Objects.requireNonNull(timeout, "timeout"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A TCP client with a 2 s timeout measuring the system clock. */
  public static DaytimeClient tcp(InetSocketAddress server) {
    return new DaytimeClient(server, false, Duration.ofSeconds(2), Clock.systemUTC());
  }

  @Override
  public String name() {
    return (udp ? "daytime+udp://" : "daytime://") + server.getHostString() + ":" + server.getPort();
  }

  /**
   * The server's line without its line ending.
   *
   * @throws IOException when unreachable, on timeout, or when the answer is over 512 bytes
   */
  public String line() throws IOException {
    byte[] bytes = udp ? OneShot.udp(server, timeout) : OneShot.tcp(server, timeout, MAX_LINE);
    return new String(bytes, StandardCharsets.US_ASCII).strip();
  }

  /** @throws IOException also when the line is in a form this client cannot read */
  @Override
  public OffsetEstimate estimate() throws IOException {
    LocalTimeline local = new LocalTimeline(clock);
    long t1 = local.now();
    String line = line();
    long t4 = local.now();
    var instant = DaytimeFormat.parse(line)
        .orElseThrow(() -> new IOException(name() + " sent a line this client cannot read: '" + line + "'"));
    return Samples.wholeSecond(instant.getEpochSecond(), t1, t4, name());
  }
}
