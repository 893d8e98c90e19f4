package io.groundwire.echo;

import io.groundwire.echo.internal.BenchmarkRun;
import io.groundwire.echo.internal.Connecting;
import io.groundwire.echo.internal.RoundTripHistogram;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Measures an echo server (ours or any other): throughput by streaming both ways at once on N
 * connections, or latency by ping-pong, reporting MB/s, messages/s and round-trip percentiles.
 *
 * <pre>{@code
 * EchoBenchmarkResult result = EchoBenchmark.run("localhost", 7007, EchoBenchmarkOptions.builder()
 *     .mode(BenchmarkMode.LATENCY).duration(Duration.ofSeconds(5)).build());
 * System.out.println(result.toText());
 * }</pre>
 */
public final class EchoBenchmark {
  private EchoBenchmark() {}

  /**
   * Connects, warms up, measures, and closes every connection before returning. Takes about
   * warm-up + duration (plus at most a few seconds to stop), or until the byte count is echoed.
   *
   * @throws java.net.UnknownHostException, java.net.ConnectException, java.net.SocketTimeoutException
   *     when a connection cannot be made (as {@link EchoClient#connect})
   * @throws java.net.SocketTimeoutException when the server stops echoing for the connect timeout
   * @throws java.io.EOFException when the server closes a connection during the run
   * @throws IOException when the echo differs from what was sent (latency mode) or the connection fails
   */
  public static EchoBenchmarkResult run(String host, int port, EchoBenchmarkOptions options) throws IOException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(options, "options");
    BenchmarkRun.Outcome outcome = new BenchmarkRun(host, port, options).run();
    double seconds = outcome.elapsedNanos() / 1e9;
    RoundTripHistogram rtt = outcome.roundTrips();
    EchoBenchmarkResult.RoundTrips roundTrips = rtt == null ? null : new EchoBenchmarkResult.RoundTrips(
        Duration.ofNanos(rtt.percentile(0.50)),
        Duration.ofNanos(rtt.percentile(0.90)),
        Duration.ofNanos(rtt.percentile(0.99)),
        Duration.ofNanos(rtt.percentile(0.999)),
        Duration.ofNanos(rtt.max()),
        Duration.ofNanos(rtt.mean()));
    return new EchoBenchmarkResult(
        options.mode(),
        Connecting.hostPort(host, port),
        options.connections(),
        options.messageSize(),
        Duration.ofNanos(outcome.elapsedNanos()),
        outcome.bytes(),
        outcome.messages(),
        seconds > 0 ? outcome.bytes() / seconds / 1e6 : 0,
        seconds > 0 ? outcome.messages() / seconds : 0,
        roundTrips);
  }
}
