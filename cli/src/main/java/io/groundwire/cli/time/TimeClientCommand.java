package io.groundwire.cli.time;

import io.groundwire.cli.CommandFailure;
import io.groundwire.time.TimeClient;
import io.groundwire.time.TimeServiceException;
import io.groundwire.time.ZonedTime;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundwire time-client [URL] [--zone ID] [--json]}: the time a time service reports. */
@Command(
    name = "time-client",
    mixinStandardHelpOptions = true,
    subcommands = OffsetCommand.class,
    description = {
      "Asks a time service for the time in a zone.",
      "The service is ours or worldtimeapi.org; without --zone, the server's default zone via /api/ip."
          + " 'time-client offset' measures the local clock's offset."
    })
public final class TimeClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = "http://127.0.0.1:8081",
      description = "The service's base URL (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--zone", paramLabel = "ID", description = "Zone ID, e.g. Europe/Berlin.")
  String zone;

  @Option(names = "--json", description = "Print the worldtimeapi-shaped JSON instead of one line.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
      description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new CommandFailure("URL must start with http:// or https://, was '" + url + "'", 2);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new CommandFailure("--timeout must be positive, was " + timeout, 2);
    }
    ZonedTime time;
    try (TimeClient client = TimeClient.builder(url).timeout(timeout).build()) {
      time = zone == null ? client.ip() : client.time(zone);
    } catch (TimeServiceException e) {
      Object suggestions = e.details().get("suggestions");
      throw new CommandFailure(url + " answered " + e.status() + ": " + e.getMessage()
          + (e.details().containsKey("message") || suggestions == null ? "" : " (did you mean " + suggestions + "?)"));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(time.toJson());
    } else {
      out.println(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.dateTime()) + " " + time.timezone()
          + " (" + time.abbreviation() + ", UTC" + time.utcOffset().getId().replace("Z", "+00:00")
          + (time.dst() ? ", DST" : "") + ", week " + time.weekNumber() + ")");
    }
    out.flush();
    return 0;
  }
}
