package io.groundwire.cli.time;

import io.groundwire.cli.CommandFailure;
import io.groundwire.http.IpLiterals;
import io.groundwire.time.TimeService;
import io.groundwire.time.TimeServiceOptions;
import io.groundwire.time.TimeServiceStats;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundwire time-server}: the HTTP time API, Daytime, Time and SNTP until killed. */
@Command(
    name = "time-server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the time service: HTTP API, Daytime, Time and SNTP.",
      "The HTTP API is worldtimeapi-compatible; Daytime is RFC 867, Time RFC 868, SNTPv4 RFC 4330."
          + " Prints where each listens, then runs until killed; SIGTERM or Ctrl-C drains requests"
          + " in flight. A port of 0 picks a free one, -1 turns it off."
    })
public final class TimeServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDR", description = "Local address to listen on (default: all interfaces, IPv4 and IPv6).")
  String bind;

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8081",
      description = "HTTP API port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--daytime-port", paramLabel = "N", defaultValue = "10013",
      description = "Daytime port, TCP and UDP (default: ${DEFAULT-VALUE}).")
  int daytimePort;

  @Option(names = "--time-port", paramLabel = "N", defaultValue = "10037",
      description = "Time (RFC 868) port, TCP and UDP (default: ${DEFAULT-VALUE}).")
  int timePort;

  @Option(names = "--sntp-port", paramLabel = "N", defaultValue = "10123",
      description = "SNTP port, UDP (default: ${DEFAULT-VALUE}).")
  int sntpPort;

  @Option(names = "--zone", paramLabel = "ID", defaultValue = "UTC",
      description = "Zone of /api/ip and the Daytime line (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--trust-proxy", paramLabel = "CIDR",
      description = "A proxy whose X-Forwarded-For is believed; repeatable (default: none).")
  List<String> trustedProxies = new ArrayList<>();

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "0",
      description = "Requests per second per client over all protocols; 0 is unlimited (default: ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "40",
      description = "Requests a client may make at once before the rate applies (default: ${DEFAULT-VALUE}).")
  int rateBurst;

  @Option(names = "--stratum", paramLabel = "N", defaultValue = "10",
      description = "SNTP stratum announced, 1-15 (default: ${DEFAULT-VALUE}).")
  int stratum;

  @Option(names = "--reference-id", paramLabel = "ID", defaultValue = "LOCL",
      description = "SNTP reference ID, up to 4 ASCII characters (default: ${DEFAULT-VALUE}).")
  String referenceId;

  @Option(names = "--root-dispersion", paramLabel = "DURATION", defaultValue = "0s",
      description = "The clock's known error, announced over SNTP and /api/sync (default: ${DEFAULT-VALUE}).")
  Duration rootDispersion;

  @Option(names = "--clock-offset", paramLabel = "DURATION", defaultValue = "0s",
      description = "Serve the system clock shifted ahead by this much, e.g. 2500ms: for testing clients"
          + " (default: ${DEFAULT-VALUE}).")
  Duration clockOffset;

  @Override
  public Integer call() throws Exception {
    TimeServiceOptions options = options();
    TimeService service = TimeService.start(options);
    PrintWriter out = spec.commandLine().getOut();
    out.println("time-server: zone " + options.defaultZone().getId() + ", tzdb "
        + io.groundwire.time.ZonedTime.currentTzdbVersion()
        + (clockOffset.isZero() ? "" : ", clock shifted by " + clockOffset));
    print(out, "HTTP API", service.httpAddress(), "http://", "/api/timezone");
    print(out, "Daytime (RFC 867) tcp+udp", service.daytimeAddress(), "", "");
    print(out, "Time (RFC 868) tcp+udp", service.timeAddress(), "", "");
    print(out, "SNTP (RFC 4330) udp", service.sntpAddress(), "sntp://", "");
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      TimeServiceStats stats = service.stats();
      PrintWriter err = spec.commandLine().getErr();
      err.println("time-server: closed after " + stats.sntpReplies() + " SNTP replies, "
          + stats.daytimeReplies() + " daytime, " + stats.timeReplies() + " time; "
          + stats.malformedDatagrams() + " malformed datagrams ignored, " + stats.rateLimited() + " rate-limited");
      err.flush();
    }, "time-server-shutdown"));
    service.awaitTermination();
    return 0;
  }

  TimeServiceOptions options() {
    try {
      TimeServiceOptions.Builder builder = TimeServiceOptions.builder()
          .httpPort(httpPort).daytimePort(daytimePort).timePort(timePort).sntpPort(sntpPort)
          .defaultZone(ZoneId.of(zone))
          .rateLimit(rateLimit, rateBurst)
          .stratum(stratum)
          .referenceId(referenceId)
          .rootDispersion(rootDispersion);
      if (!clockOffset.isZero()) {
        builder.clock(java.time.Clock.offset(java.time.Clock.systemUTC(), clockOffset));
      }
      if (bind != null && !bind.isBlank() && !bind.equals("*")) {
        builder.bindAddress(address(bind));
      }
      trustedProxies.forEach(builder::trustProxy);
      return builder.build();
    } catch (DateTimeException e) {
      throw new CommandFailure("unknown zone: " + zone, 2);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
  }

  private static InetAddress address(String bind) {
    String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new CommandFailure("unknown bind address: " + bind, 2);
    }
  }

  static void print(PrintWriter out, String what, InetSocketAddress address, String scheme, String path) {
    if (address == null) {
      out.println("  " + what + ": off");
      return;
    }
    out.println("  " + what + ": " + scheme + IpLiterals.hostPort(address) + path);
  }
}
