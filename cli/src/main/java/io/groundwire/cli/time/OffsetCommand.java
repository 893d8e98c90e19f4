package io.groundwire.cli.time;

import io.groundwire.cli.CommandFailure;
import io.groundwire.time.DaytimeClient;
import io.groundwire.time.OffsetEstimate;
import io.groundwire.time.Rfc868Client;
import io.groundwire.time.SntpClient;
import io.groundwire.time.TimeClient;
import io.groundwire.time.TimeSource;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundwire time-client offset URL}: the local clock's offset, error bound and delay. */
@Command(
    name = "offset",
    mixinStandardHelpOptions = true,
    description = {
      "Measures how far the local clock is from a time source.",
      "Takes N samples and keeps the one with the least round trip (Cristian's rule). Prints"
          + " offset ± error bound (half the delay plus the server's dispersion) and the delay."
          + " Sources: http(s)://HOST:PORT (our /api/sync), sntp://HOST[:PORT], time://HOST:PORT"
          + " (RFC 868), daytime://HOST:PORT (RFC 867)."
    })
final class OffsetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The time source.")
  String url;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
      description = "Samples to take, 1-64 (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--json", description = "Print a JSON object.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s",
      description = "Wait this long for each answer, all of it (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || samples > 64) {
      throw new CommandFailure("--samples must be 1-64, was " + samples, 2);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new CommandFailure("--timeout must be positive, was " + timeout, 2);
    }
    OffsetEstimate estimate;
    if (url.startsWith("http://") || url.startsWith("https://")) {
      try (TimeClient client = TimeClient.builder(url).samples(samples).timeout(timeout).build()) {
        estimate = client.estimate();
      }
    } else {
      estimate = source().estimate();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(String.format(Locale.ROOT,
          "{\"offset_s\":%.9f,\"error_bound_s\":%.9f,\"delay_s\":%.9f,\"samples\":%d,\"source\":\"%s\"}",
          seconds(estimate.offset()), seconds(estimate.errorBound()), seconds(estimate.delay()),
          estimate.samples(), estimate.source().replace("\\", "\\\\").replace("\"", "\\\"")));
    } else {
      out.println(String.format(Locale.ROOT, "offset %+.6f s ± %.6f s, delay %.6f s (%d samples from %s)",
          seconds(estimate.offset()), seconds(estimate.errorBound()), seconds(estimate.delay()),
          estimate.samples(), estimate.source()));
    }
    out.flush();
    return 0;
  }

  private TimeSource source() {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("not a URL: '" + url + "'", 2);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw new CommandFailure("the URL needs a host, e.g. sntp://127.0.0.1:10123: '" + url + "'", 2);
    }
    int port = uri.getPort();
    return switch (scheme) {
      case "sntp", "ntp" -> SntpClient.builder(new InetSocketAddress(uri.getHost(), port < 0 ? 123 : port))
          .samples(samples).timeout(timeout).build();
      case "time" -> new Rfc868Client(new InetSocketAddress(uri.getHost(), port < 0 ? 37 : port), false, timeout,
          Clock.systemUTC());
      case "daytime" -> new DaytimeClient(new InetSocketAddress(uri.getHost(), port < 0 ? 13 : port), false, timeout,
          Clock.systemUTC());
      default -> throw new CommandFailure("unsupported source '" + url
          + "'; use http://, https://, sntp://, time:// or daytime://", 2);
    };
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
