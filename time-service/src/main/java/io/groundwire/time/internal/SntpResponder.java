package io.groundwire.time.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The SNTPv4 server side (RFC 4330 §5, RFC 5905 §7.3): answers mode 3 requests with a mode 4 reply
 * carrying the request's transmit timestamp as originate, the true receive time and a transmit time
 * read just before sending. Malformed datagrams are ignored and counted; clients over their rate
 * limit get a kiss-o'-death RATE packet (RFC 5905 §7.4).
 */
public final class SntpResponder implements UdpResponder.Handler {
  /** log2 seconds of the clock's resolution: Instant.now() on Linux resolves ~1 µs (2^-20 s). */
  static final int PRECISION = -20;

  private final Clock clock;
  private final RateLimiter limiter;
  private final ServiceCounters counters;
  private final int stratum;
  private final int referenceId;
  private final int rootDelay;
  private final int rootDispersion;
  private final long referenceTimestamp;

  public SntpResponder(Clock clock, RateLimiter limiter, ServiceCounters counters, int stratum,
      String referenceId, Duration rootDelay, Duration rootDispersion) {
    this.clock = clock;
    this.limiter = limiter;
    this.counters = counters;
    this.stratum = stratum;
    this.referenceId = NtpPacket.referenceId(referenceId);
    this.rootDelay = NtpTime.toShort(rootDelay);
    this.rootDispersion = NtpTime.toShort(rootDispersion);
    // We cannot know when the host clock was last disciplined; the service's start is the honest bound.
    this.referenceTimestamp = NtpTime.toTimestamp(clock.instant());
  }

  @Override
  public ByteBuffer respond(ByteBuffer datagram, InetSocketAddress client, Instant received) {
    if (datagram.remaining() < NtpPacket.SIZE) {
      counters.malformedDatagrams.increment();
      return null;
    }
    NtpPacket request = NtpPacket.read(datagram);
    // RFC 4330 §5: answer client mode only; versions 1-4 are understood, the reply keeps the version.
    if (request.mode() != NtpPacket.MODE_CLIENT || request.version() < 1 || request.version() > 4) {
      counters.malformedDatagrams.increment();
      return null;
    }
    boolean limited = limiter.acquire(client.getAddress()) > 0;
    if (limited) {
      counters.rateLimited.increment();
      if (!limiter.mayNotifyRefusal(client.getAddress())) {
        return null;
      }
      counters.kissOfDeathSent.increment();
    }
    long receive = NtpTime.toTimestamp(received);
    NtpPacket reply = new NtpPacket(
        limited ? NtpPacket.LEAP_UNSYNCHRONIZED : 0,
        request.version(),
        NtpPacket.MODE_SERVER,
        limited ? 0 : stratum,
        request.poll(),
        PRECISION,
        rootDelay,
        rootDispersion,
        limited ? NtpPacket.referenceId("RATE") : referenceId,
        referenceTimestamp,
        request.transmitTimestamp(),
        receive,
        NtpTime.toTimestamp(clock.instant()));
    ByteBuffer out = ByteBuffer.allocate(NtpPacket.SIZE);
    reply.write(out);
    if (!limited) {
      counters.sntpReplies.increment();
    }
    return out.flip();
  }
}
