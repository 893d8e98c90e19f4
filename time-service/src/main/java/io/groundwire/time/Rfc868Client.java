package io.groundwire.time;

import io.groundwire.time.internal.NtpTime;
import io.groundwire.time.internal.OneShot;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Samples.LocalTimeline;
import io.groundwire.time.internal.Timeouts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Time protocol (RFC 868) client over TCP or UDP. The answer is whole seconds since 1900, decoded in
 * the era nearest the local clock, so the 2036 rollover is handled. With one-second resolution the
 * estimate's error bound is at least half a second.
 */
public final class Rfc868Client implements TimeSource {
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
  public Rfc868Client(InetSocketAddress server, boolean udp, Duration timeout, Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.udp = udp;
    this.timeout = Timeouts.requirePositive(Objects.requireNonNull(timeout, "timeout"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A TCP client with a 2 s timeout measuring the system clock. */
  public static Rfc868Client tcp(InetSocketAddress server) {
    return new Rfc868Client(server, false, Duration.ofSeconds(2), Clock.systemUTC());
  }

  @Override
  public String name() {
    return (udp ? "time+udp://" : "time://") + server.getHostString() + ":" + server.getPort();
  }

  /**
   * The server's time.
   *
   * @throws IOException when unreachable, on timeout, or when the answer is not exactly 4 bytes
   */
  public Instant time() throws IOException {
    return decode(fetch(), clock.instant());
  }

  @Override
  public OffsetEstimate estimate() throws IOException {
    LocalTimeline local = new LocalTimeline(clock);
    long t1 = local.now();
    byte[] answer = fetch();
    long t4 = local.now();
    Instant server = decode(answer, Samples.instant(t4));
    return Samples.wholeSecond(server.getEpochSecond(), t1, t4, name());
  }

  private byte[] fetch() throws IOException {
    byte[] answer = udp ? OneShot.udp(server, timeout) : OneShot.tcp(server, timeout, 4);
    if (answer.length != 4) {
      throw new IOException(name() + " sent " + answer.length + " bytes; RFC 868 answers with exactly 4");
    }
    return answer;
  }

  private static Instant decode(byte[] answer, Instant pivot) {
    long seconds = ByteBuffer.wrap(answer).getInt() & 0xFFFF_FFFFL;
    return NtpTime.fromSeconds32(seconds, pivot);
  }
}
