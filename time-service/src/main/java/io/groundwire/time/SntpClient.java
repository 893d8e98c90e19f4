package io.groundwire.time;

import io.groundwire.time.internal.NtpPacket;
import io.groundwire.time.internal.NtpTime;
import io.groundwire.time.internal.Samples;
import io.groundwire.time.internal.Timeouts;
import io.groundwire.time.internal.Samples.Exchange;
import io.groundwire.time.internal.Samples.LocalTimeline;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SNTPv4 client (RFC 4330): sends {@code samples} mode 3 requests, checks each reply (mode 4,
 * originate equals our transmit, stratum 1-15, synchronized) and keeps the one with the least delay.
 *
 * <p>Kiss-o'-death is honoured: after {@code RATE} this client sends nothing to the server for
 * {@link Builder#rateBackoff(Duration)} (default 64 s), after {@code DENY} or {@code RSTR} never again;
 * either way {@link #estimate()} then fails with {@link KissOfDeathException} without sending.
 *
 * <pre>{@code
 * OffsetEstimate e = SntpClient.builder(new InetSocketAddress("127.0.0.1", 10123)).build().estimate();
 * }</pre>
 */
public final class SntpClient implements TimeSource {
  private final InetSocketAddress server;
  private final int samples;
  private final Duration timeout;
  private final Clock clock;
  private final Duration rateBackoff;
  private volatile String refusedWith;
  private volatile long refusedUntilNanos;

  private SntpClient(Builder b) {
    this.server = b.server;
    this.samples = b.samples;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.rateBackoff = b.rateBackoff;
  }

  /** A builder for a client of {@code server}. */
  public static Builder builder(InetSocketAddress server) {
    return new Builder(server);
  }

  @Override
  public String name() {
    return "sntp://" + server.getHostString() + ":" + server.getPort();
  }

  /**
   * Takes the samples and returns the minimum-delay estimate.
   *
   * @throws KissOfDeathException when the server sent kiss-o'-death (now or earlier) and no sample
   *     was answered before it
   * @throws SocketTimeoutException when no request was answered within the timeout
   * @throws IOException for malformed replies to every request or network failures
   */
  @Override
  public OffsetEstimate estimate() throws IOException {
    checkNotRefused();
    List<Exchange> exchanges = new ArrayList<>();
    IOException last = null;
    LocalTimeline local = new LocalTimeline(clock);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(server);
      socket.setSoTimeout(Timeouts.millis(timeout));
      for (int i = 0; i < samples; i++) {
        try {
          exchanges.add(exchange(socket, local));
        } catch (KissOfDeathException e) {
          if (exchanges.isEmpty()) {
            throw e;
          }
          break; // honour it: send no more, use what was answered
        } catch (java.net.PortUnreachableException e) {
          throw new java.net.ConnectException(name() + ": nothing listens there (ICMP port unreachable)");
        } catch (IOException e) {
          last = e;
        }
      }
    }
    if (exchanges.isEmpty()) {
      throw last != null ? last : new IOException("no SNTP replies from " + name());
    }
    return Samples.best(exchanges, name());
  }

  private Exchange exchange(DatagramSocket socket, LocalTimeline local) throws IOException {
    long t1 = local.now();
    long transmit = NtpTime.toTimestamp(Samples.instant(t1));
    NtpPacket request = new NtpPacket(0, 4, NtpPacket.MODE_CLIENT, 0, 0, 0, 0, 0, 0, 0, 0, 0, transmit);
    socket.send(new DatagramPacket(request.toBytes(), NtpPacket.SIZE));
    byte[] buffer = new byte[512];
    long deadline = System.nanoTime() + Timeouts.nanos(timeout);
    while (true) {
      DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
      socket.receive(datagram);
      long t4 = local.now();
      if (datagram.getLength() < NtpPacket.SIZE) {
        throw new IOException(name() + " sent a " + datagram.getLength() + "-byte reply, not an NTP packet");
      }
      NtpPacket reply = NtpPacket.read(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
      if (reply.mode() != NtpPacket.MODE_SERVER || reply.originTimestamp() != transmit) {
        // RFC 4330 §5: not an answer to this request (stale or spoofed); keep waiting for ours.
        if (System.nanoTime() > deadline) {
          throw new SocketTimeoutException("no matching SNTP reply from " + name());
        }
        continue;
      }
      if (reply.isKissOfDeath()) {
        refuse(reply.referenceCode());
      }
      if (reply.stratum() > 15 || reply.leap() == NtpPacket.LEAP_UNSYNCHRONIZED || reply.transmitTimestamp() == 0) {
        throw new IOException(name() + " is not synchronized (stratum " + reply.stratum()
            + ", leap " + reply.leap() + ")");
      }
      var pivot = Samples.instant(t1);
      long t2 = Samples.nanos(NtpTime.fromTimestamp(reply.receiveTimestamp(), pivot));
      long t3 = Samples.nanos(NtpTime.fromTimestamp(reply.transmitTimestamp(), pivot));
      // RFC 5905 root distance: half the root delay plus the root dispersion, plus the precision.
      // A precision of +127 (2^127 s) is nonsense, but must not wrap the sum negative.
      long precision = (long) Math.min(Long.MAX_VALUE / 4.0, Math.pow(2, reply.precision()) * 1e9);
      long dispersion = Samples.saturatedAdd(NtpTime.fromShort(reply.rootDelay()).toNanos() / 2
          + NtpTime.fromShort(reply.rootDispersion()).toNanos(), precision);
      return new Exchange(t1, t2, t3, t4, dispersion);
    }
  }

  private void refuse(String code) throws KissOfDeathException {
    refusedWith = code;
    refusedUntilNanos = "RATE".equals(code) ? System.nanoTime() + rateBackoff.toNanos() : Long.MAX_VALUE;
    throw new KissOfDeathException(name(), code);
  }

  private void checkNotRefused() throws KissOfDeathException {
    String code = refusedWith;
    if (code != null) {
      if (refusedUntilNanos == Long.MAX_VALUE || System.nanoTime() - refusedUntilNanos < 0) {
        throw new KissOfDeathException(name(), code);
      }
      refusedWith = null;
    }
  }

  /** Builds an {@link SntpClient}. */
  public static final class Builder {
    private final InetSocketAddress server;
    private int samples = 8;
    private Duration timeout = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();
    private Duration rateBackoff = Duration.ofSeconds(64);

    private Builder(InetSocketAddress server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /** Requests to send, 1-64 (default 8). */
    public Builder samples(int samples) {
      if (samples < 1 || samples > 64) {
        throw new IllegalArgumentException("samples must be 1-64, was " + samples);
      }
      this.samples = samples;
      return this;
    }

    /** How long to wait for each reply (default 2 s). */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** The local clock being measured (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long to stay silent after a RATE kiss-o'-death (default 64 s, NTP's minimum poll). */
    public Builder rateBackoff(Duration backoff) {
      this.rateBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The client. */
    public SntpClient build() {
      return new SntpClient(this);
    }
  }
}
