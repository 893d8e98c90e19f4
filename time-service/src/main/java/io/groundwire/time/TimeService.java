package io.groundwire.time;

import io.groundwire.time.internal.DaytimeFormat;
import io.groundwire.time.internal.NtpTime;
import io.groundwire.time.internal.RateLimiter;
import io.groundwire.time.internal.ServiceCounters;
import io.groundwire.time.internal.SntpResponder;
import io.groundwire.time.internal.TcpResponder;
import io.groundwire.time.internal.UdpResponder;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The date/time service: the HTTP API, Daytime (RFC 867, TCP+UDP), Time (RFC 868, TCP+UDP) and SNTPv4
 * (RFC 4330, UDP), all started from one {@link TimeServiceOptions} and stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (TimeService service = TimeService.start(TimeServiceOptions.builder().ephemeralPorts().build())) {
 *   System.out.println("SNTP on " + service.sntpAddress());
 * }
 * }</pre>
 *
 * <p>Every time served comes from {@link TimeServiceOptions#clock()}; leap seconds are not smeared.
 */
public final class TimeService implements AutoCloseable {
  private final TimeServiceOptions options;
  private final ServiceCounters counters = new ServiceCounters();
  private final RateLimiter limiter;
  private final List<Closeable> listeners = new ArrayList<>();
  /** The UDP ports of Daytime and Time: a datagram from one of them to the other gets no answer. */
  private final java.util.Set<Integer> udpPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private InetSocketAddress http;
  private InetSocketAddress daytime;
  private InetSocketAddress time;
  private InetSocketAddress sntp;
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  private TimeService(TimeServiceOptions options) {
    this.options = options;
    this.limiter = new RateLimiter(options.ratePerSecond(), options.rateBurst(), System::nanoTime);
  }

  /**
   * Binds every listener that is not off and starts serving.
   *
   * @throws IOException if a port cannot be bound (already in use, privileged); nothing is left running
   */
  public static TimeService start(TimeServiceOptions options) throws IOException {
    TimeService service = new TimeService(options);
    try {
      service.startListeners();
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void startListeners() throws IOException {
    InetAddress host = options.bindAddress();
    if (options.sntpPort() != TimeServiceOptions.OFF) {
      SntpResponder responder = new SntpResponder(options.clock(), limiter, counters, options.stratum(),
          options.referenceId(), options.rootDelay(), options.rootDispersion());
      // SNTP answers only client-mode requests, and its answers are server mode: no loop can start.
      UdpResponder udp = UdpResponder.start("sntp", host, options.sntpPort(),
          options.clock(), responder, sourcePort -> false);
      listeners.add(udp);
      sntp = udp.localAddress();
    }
    if (options.daytimePort() != TimeServiceOptions.OFF) {
      daytime = startTcpAndUdp("daytime", options.daytimePort(), this::daytimeReply);
    }
    if (options.timePort() != TimeServiceOptions.OFF) {
      time = startTcpAndUdp("time", options.timePort(), this::timeReply);
    }
    if (options.httpPort() != TimeServiceOptions.OFF) {
      HttpListener listener = HttpListener.start(options, limiter, counters, new InetSocketAddress(host, options.httpPort()));
      listeners.add(listener);
      http = listener.localAddress();
    }
  }

  /** TCP first; with port 0 the UDP socket then takes the same number, retrying if it is taken. */
  private InetSocketAddress startTcpAndUdp(String name, int port, java.util.function.Function<InetAddress, byte[]> reply)
      throws IOException {
    InetAddress host = options.bindAddress();
    IOException last = null;
    for (int attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++) {
      TcpResponder tcp = TcpResponder.start(name + "-tcp", new InetSocketAddress(host, port), reply);
      int bound = tcp.localAddress().getPort();
      try {
        UdpResponder udp = UdpResponder.start(name + "-udp", host, bound,
            options.clock(), (request, client, received) -> {
              byte[] bytes = reply.apply(client.getAddress());
              return bytes == null ? null : ByteBuffer.wrap(bytes);
            }, sourcePort -> UdpResponder.mayStartLoop(sourcePort, udpPorts));
        udpPorts.add(bound);
        listeners.add(tcp);
        listeners.add(udp);
        return tcp.localAddress();
      } catch (IOException e) {
        tcp.close();
        last = e;
      }
    }
    throw last;
  }

  private byte[] daytimeReply(InetAddress client) {
    if (limited(client)) {
      return null;
    }
    counters.daytimeReplies.increment();
    return DaytimeFormat.line(options.clock().instant(), options.defaultZone())
        .getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] timeReply(InetAddress client) {
    if (limited(client)) {
      return null;
    }
    counters.timeReplies.increment();
    long seconds = NtpTime.toSeconds32(options.clock().instant());
    return ByteBuffer.allocate(4).putInt((int) seconds).array();
  }

  private boolean limited(InetAddress client) {
    if (limiter.acquire(client) > 0) {
      counters.rateLimited.increment();
      return true;
    }
    return false;
  }

  /**
   * The HTTP API as a handler, to mount in another Groundwire HTTP server (it answers {@code /api/...}
   * and 404 elsewhere); no listener is started.
   */
  public static io.groundwire.http.server.Handler httpHandler(TimeServiceOptions options) {
    return HttpListener.handler(options,
        new RateLimiter(options.ratePerSecond(), options.rateBurst(), System::nanoTime), new ServiceCounters());
  }

  /** The options this service runs with. */
  public TimeServiceOptions options() {
    return options;
  }

  /** Where the HTTP API listens, or null when it is off. */
  public InetSocketAddress httpAddress() {
    return http;
  }

  /** Where Daytime listens (the same port over TCP and UDP), or null when it is off. */
  public InetSocketAddress daytimeAddress() {
    return daytime;
  }

  /** Where Time (RFC 868) listens (the same port over TCP and UDP), or null when it is off. */
  public InetSocketAddress timeAddress() {
    return time;
  }

  /** Where SNTP listens (UDP), or null when it is off. */
  public InetSocketAddress sntpAddress() {
    return sntp;
  }

  /** The counters so far. */
  public TimeServiceStats stats() {
    return counters.snapshot();
  }

  /** Stops every listener, letting replies in flight finish (bounded by a few seconds). */
  @Override
  public synchronized void close() {
    for (int i = listeners.size() - 1; i >= 0; i--) {
      try {
        listeners.get(i).close();
      } catch (IOException e) {
        System.getLogger(TimeService.class.getName())
            .log(System.Logger.Level.DEBUG, "closing a listener failed: " + e);
      }
    }
    listeners.clear();
    closed.countDown();
  }

  /** Blocks until {@link #close()} has finished (from another thread, e.g. a shutdown hook). */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }
}
