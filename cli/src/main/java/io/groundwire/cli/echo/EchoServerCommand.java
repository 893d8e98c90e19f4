package io.groundwire.cli.echo;

import io.groundwire.cli.CommandFailure;
import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import io.groundwire.echo.EchoServerStats;
import io.groundwire.http.IpLiterals;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundwire echo-server}: runs a TCP (and optionally UDP) echo server until killed. */
@Command(
    name = "echo-server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a TCP echo server (RFC 862).",
      "Every byte a client sends comes straight back. Prints the address it listens on, then runs"
          + " until killed; SIGTERM or Ctrl-C closes it gracefully."
    })
public final class EchoServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Local address to listen on (default: all interfaces, IPv4 and IPv6).")
  String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "7007",
      description = "TCP (and UDP) port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--udp", description = "Also echo UDP datagrams on the same port.")
  boolean udp;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
      description = "Most conversations open at once; more are closed at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "Close a conversation idle this long, e.g. 30s; 0s never (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--close-grace", paramLabel = "DURATION", defaultValue = "5s",
      description = "On shutdown, how long open conversations may go on (default: ${DEFAULT-VALUE}).")
  Duration closeGrace;

  @Option(names = "--busy-poll", paramLabel = "DURATION", defaultValue = "50us",
      description = "After each echo, poll the socket this long before waiting, while the client answers"
          + " within it: a shorter round trip; 0s turns it off (default: ${DEFAULT-VALUE}).")
  Duration busyPoll;

  @Override
  public Integer call() throws Exception {
    EchoServerOptions options;
    try {
      options = EchoServerOptions.builder()
          .bindAddress(bindAddress())
          .port(port)
          .udp(udp)
          .maxConnections(maxConnections)
          .idleTimeout(idleTimeout)
          .closeGrace(closeGrace)
          .busyPoll(busyPoll)
          .build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
    EchoServer server = EchoServer.start(options);
    // The hook comes first: whoever reads the line below may send SIGTERM at once.
    Thread hook = new Thread(() -> {
      server.close();
      EchoServerStats stats = server.stats();
      PrintWriter err = spec.commandLine().getErr();
      err.println("echo-server: closed; " + stats.accepted() + " connections accepted ("
          + stats.refused() + " refused), " + stats.bytesIn() + " bytes echoed");
      err.flush();
    }, "echo-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("echo-server listening on " + IpLiterals.hostPort(server.address()) + (udp ? " (tcp and udp)" : " (tcp)"));
    out.flush();
    server.awaitTermination();
    return 0;
  }

  private InetAddress bindAddress() {
    if (bind == null || bind.isBlank() || bind.equals("*")) {
      return null;
    }
    String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new CommandFailure("unknown bind address: " + bind, 2);
    }
  }
}
