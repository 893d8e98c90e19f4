package io.groundwire.cli.echo;

import io.groundwire.cli.CommandFailure;
import io.groundwire.cli.SizeConverter;
import io.groundwire.echo.BenchmarkMode;
import io.groundwire.echo.EchoBenchmark;
import io.groundwire.echo.EchoBenchmarkOptions;
import io.groundwire.echo.EchoBenchmarkResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundwire echo-bench}: measures any TCP echo server's throughput or round-trip latency. */
@Command(
    name = "echo-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a TCP echo server (ours or any other).",
      "throughput: each connection streams messages back to back while it",
      "  reads the echo; reports MB/s (10^6 bytes echoed per second), messages/s",
      "  and round trips sampled under load (every 4th message) p50/p90/p99/p99.9.",
      "latency: each connection sends one message and waits for its echo;",
      "  reports round-trip percentiles p50/p90/p99/p99.9."
    })
public final class EchoBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HOST", description = "Server host name or address.")
  String host;

  @Parameters(index = "1", paramLabel = "PORT", description = "Server port.")
  int port;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "1",
      description = "Parallel connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--duration", paramLabel = "D", defaultValue = "10s",
      description = "How long to measure, after the warm-up (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--bytes", paramLabel = "BYTES", converter = SizeConverter.class,
      description = "Measure until this many bytes are echoed instead of for a duration, e.g. 1g (no warm-up).")
  Long totalBytes;

  @Option(names = "--size", paramLabel = "BYTES", converter = SizeConverter.class,
      description = "Bytes per message, e.g. 64k (default: 64k for throughput, 64 for latency).")
  Long size;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "throughput",
      description = "throughput or latency (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--warmup", paramLabel = "D", defaultValue = "1s",
      description = "Run this long before measuring (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--timeout", paramLabel = "D", defaultValue = "5s",
      description = "Connect timeout; also fails the run when the server stops echoing this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run(host, port, options());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(result.toJson());
    } else {
      out.print(result.toText());
    }
    out.flush();
    return 0;
  }

  private EchoBenchmarkOptions options() {
    try {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
      }
      EchoBenchmarkOptions.Builder builder = EchoBenchmarkOptions.builder()
          .mode(mode())
          .connections(connections)
          .duration(duration)
          .warmup(warmup)
          .connectTimeout(timeout);
      if (totalBytes != null) {
        if (totalBytes < 1) {
          throw new IllegalArgumentException("--bytes must be at least 1");
        }
        builder.totalBytes(totalBytes);
      }
      if (size != null) {
        if (size > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("message size must be between 1 byte and 16 MiB: " + size);
        }
        builder.messageSize(size.intValue());
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
  }

  private BenchmarkMode mode() {
    return switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "throughput" -> BenchmarkMode.THROUGHPUT;
      case "latency" -> BenchmarkMode.LATENCY;
      default -> throw new IllegalArgumentException("--mode must be throughput or latency, not '" + mode + "'");
    };
  }
}
