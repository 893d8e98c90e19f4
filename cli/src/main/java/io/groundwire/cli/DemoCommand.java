package io.groundwire.cli;

import io.groundwire.cli.http.DemoSite;
import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.HttpServerOptions;
import io.groundwire.time.TimeService;
import io.groundwire.time.TimeServiceOptions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code groundwire demo}: the seed's tour in one process. Starts the demo web site (a page with a
 * picture and a form), the TCP/UDP echo server and the time service, prints where each listens and
 * how to try it, and runs until Ctrl-C or SIGTERM, which drains every service before exiting.
 * A port that is taken fails the whole demo with one line naming it; nothing is left running.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the demo web site, the echo server and the time service together.",
      "Prints where each listens; Ctrl-C or SIGTERM stops them cleanly. A port of 0 picks a free one."
    })
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address every service listens on (default: every interface, IPv4 and IPv6).")
  String bind;

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
      description = "Demo web site (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--echo-port", paramLabel = "N", defaultValue = "" + EchoServerOptions.DEFAULT_PORT,
      description = "Echo server, TCP and UDP (default: ${DEFAULT-VALUE}).")
  int echoPort;

  @Option(names = "--time-http-port", paramLabel = "N", defaultValue = "" + TimeServiceOptions.DEFAULT_HTTP_PORT,
      description = "Time service HTTP API (default: ${DEFAULT-VALUE}).")
  int timeHttpPort;

  @Option(names = "--daytime-port", paramLabel = "N", defaultValue = "" + TimeServiceOptions.DEFAULT_DAYTIME_PORT,
      description = "Daytime, RFC 867 (default: ${DEFAULT-VALUE}).")
  int daytimePort;

  @Option(names = "--time-port", paramLabel = "N", defaultValue = "" + TimeServiceOptions.DEFAULT_TIME_PORT,
      description = "Time, RFC 868 (default: ${DEFAULT-VALUE}).")
  int timePort;

  @Option(names = "--sntp-port", paramLabel = "N", defaultValue = "" + TimeServiceOptions.DEFAULT_SNTP_PORT,
      description = "SNTP (default: ${DEFAULT-VALUE}).")
  int sntpPort;

  @Override
  public Integer call() throws Exception {
    InetAddress address = bindAddress();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      HttpServerOptions.Builder webOptions = HttpServerOptions.builder().port(httpPort);
      EchoServerOptions.Builder echoOptions = EchoServerOptions.builder().port(echoPort).udp(true);
      TimeServiceOptions.Builder timeOptions = TimeServiceOptions.builder()
          .httpPort(timeHttpPort).daytimePort(daytimePort).timePort(timePort).sntpPort(sntpPort);
      if (address != null) {
        webOptions.bindAddress(address);
        echoOptions.bindAddress(address);
        timeOptions.bindAddress(address);
      }
      HttpServer web = HttpServer.create(webOptions.build(), DemoSite.load().router());
      web.start();
      started.add(web);
      EchoServer echo = EchoServer.start(echoOptions.build());
      started.add(echo);
      TimeService time = TimeService.start(timeOptions.build());
      started.add(time);
      printWelcome(web.port(), echo.port(), time);
    } catch (Exception e) {
      closeAll(started);
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      PrintWriter out = spec.commandLine().getOut();
      out.println("demo stopping: finishing requests in flight");
      out.flush();
      closeAll(started);
      stopped.countDown();
    }, "demo-shutdown"));
    stopped.await();
    return 0;
  }

  private InetAddress bindAddress() {
    if (bind == null) {
      return null;
    }
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address " + bind);
    }
  }

  private void printWelcome(int webPort, int echoPort, TimeService time) {
    String host = bind == null || bind.equals("0.0.0.0") || bind.equals("::") ? "localhost"
        : bind.contains(":") ? "[" + bind + "]" : bind;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("web site      http://%s:%d/            open it in a browser%n", host, webPort);
    out.printf("echo server   tcp+udp %s:%d           ./groundwire echo-client %s %d --message hello%n",
        host, echoPort, host, echoPort);
    out.printf("time API      http://%s:%d/api/timezone/Europe/London   ./groundwire time-client http://%s:%d --zone Europe/London%n",
        host, time.httpAddress().getPort(), host, time.httpAddress().getPort());
    printListener(out, "daytime", "tcp+udp", host, time.daytimeAddress());
    printListener(out, "time", "tcp+udp", host, time.timeAddress());
    printListener(out, "sntp", "udp", host, time.sntpAddress());
    out.println("Ctrl-C stops the demo.");
    out.flush();
  }

  private static void printListener(PrintWriter out, String name, String transport, String host,
      InetSocketAddress address) {
    if (address != null) {
      out.printf("%-13s %s %s:%d%n", name, transport, host, address.getPort());
    }
  }

  private static void closeAll(List<AutoCloseable> services) {
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        services.get(i).close();
      } catch (Exception e) {
        System.getLogger(DemoCommand.class.getName())
            .log(System.Logger.Level.WARNING, "closing " + services.get(i) + " failed", e);
      }
    }
  }
}
