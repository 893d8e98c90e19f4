package io.groundwire.benchmarks.ours;

import io.groundwire.time.TimeService;
import io.groundwire.time.TimeServiceOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Our {@link TimeService} with its defaults (rate limiting off) on loopback: the HTTP API and SNTP,
 * Daytime and Time off. Usage: {@code GroundwireTime HTTP_PORT SNTP_PORT}. If this build cannot start
 * the HTTP API, it says so on stderr and serves SNTP alone.
 */
public final class GroundwireTime {
  private GroundwireTime() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: HTTP_PORT SNTP_PORT");
    }
    TimeServiceOptions.Builder options = TimeServiceOptions.builder()
        .bindAddress(InetAddress.getLoopbackAddress())
        .httpPort(Integer.parseInt(args[0]))
        .sntpPort(Integer.parseInt(args[1]))
        .daytimePort(TimeServiceOptions.OFF)
        .timePort(TimeServiceOptions.OFF);
    TimeService service;
    try {
      service = TimeService.start(options.build());
    } catch (IOException e) {
      System.err.println("HTTP API unavailable, serving SNTP only: " + e.getMessage());
      service = TimeService.start(options.httpPort(TimeServiceOptions.OFF).build());
    }
    System.out.println("groundwire-time listening: http " + service.httpAddress() + ", sntp " + service.sntpAddress());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }
}
