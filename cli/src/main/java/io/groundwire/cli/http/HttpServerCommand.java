package io.groundwire.cli.http;

import io.groundwire.cli.CommandFailure;
import io.groundwire.cli.SizeConverter;
import io.groundwire.http.IpLiterals;
import io.groundwire.http.server.AccessLog;
import io.groundwire.http.server.Handler;
import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.HttpServerOptions;
import io.groundwire.http.server.staticfiles.StaticFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code groundwire http-server}: serves a directory (like nginx with {@code root} and optionally
 * {@code autoindex}) or, without {@code --root}, the demo site from the jar. Runs until Ctrl-C or
 * SIGTERM, then drains: stops accepting and lets requests in flight finish within the grace period.
 */
@Command(
    name = "http-server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the HTTP/1.1 server.",
      "Serves DIR with --root, otherwise the demo: a page with a picture and a form that posts back."
    })
public final class HttpServerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Local address to listen on (default: all interfaces, IPv4 and IPv6).")
  String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--root", paramLabel = "DIR", description = "Directory to serve instead of the demo.")
  Path root;

  @Option(names = "--autoindex", description = "List directories that have no index.html.")
  boolean autoindex;

  @Option(names = "--hidden-files", description = "Serve names starting with a dot (off: 404).")
  boolean hiddenFiles;

  @Option(names = "--expires", paramLabel = "DURATION",
      description = "Send Expires and Cache-Control: max-age with files, like nginx 'expires 30d'.")
  Duration expires;

  @Option(names = "--access-log", paramLabel = "FILE",
      description = "Append an nginx 'combined' access log to FILE ('-' for standard output).")
  String accessLog;

  @Option(names = "--max-body-size", paramLabel = "SIZE", defaultValue = "1m", converter = SizeConverter.class,
      description = "Largest request body accepted, larger ones get 413 (default: ${DEFAULT-VALUE}).")
  long maxBodySize;

  @Option(names = "--grace-period", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long shutdown waits for requests in flight (default: ${DEFAULT-VALUE}).")
  Duration gracePeriod;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 keystore: serve HTTPS.")
  Path tlsKeystore;

  @Option(names = "--tls-password-file", paramLabel = "FILE",
      description = "File whose first line is the keystore password.")
  Path tlsPasswordFile;

  @Override
  public Integer call() throws Exception {
    HttpServer server = HttpServer.create(options(), handler());
    server.start();
    PrintWriter out = spec.commandLine().getOut();
    String scheme = tlsKeystore != null ? "https" : "http";
    out.printf("http-server listening on %s://%s/ (%s)%n", scheme, IpLiterals.hostPort(server.address()),
        root != null ? "serving " + root.toAbsolutePath().normalize() : "demo site");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long millis = gracePeriod.toMillis();
      out.printf("http-server stopping: finishing requests in flight (at most %s)%n",
          millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
      out.flush();
      server.close();
      stopped.countDown();
    }, "http-server-shutdown"));
    stopped.await();
    return 0;
  }

  /** The server's options from the command line; throws a usage error for inconsistent ones. */
  HttpServerOptions options() throws IOException {
    if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--tls-keystore and --tls-password-file go together");
    }
    HttpServerOptions.Builder options;
    try {
      options = HttpServerOptions.builder()
          .bindAddress(bindAddress()).port(port).maxBodySize(maxBodySize).gracePeriod(gracePeriod);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (tlsKeystore != null) {
      if (!Files.isRegularFile(tlsKeystore)) {
        throw new CommandFailure("no such keystore: " + tlsKeystore);
      }
      String password = Files.readAllLines(tlsPasswordFile, StandardCharsets.UTF_8).stream()
          .findFirst().orElse("");
      options.tls(tlsKeystore, password.toCharArray());
    }
    if (accessLog != null) {
      options.accessLog(accessLog.equals("-") ? new StandardOutputLog(spec.commandLine().getOut())
          : AccessLog.toFile(Path.of(accessLog)));
    }
    return options.build();
  }

  private Handler handler() {
    if (root == null) {
      return DemoSite.load().router();
    }
    if (!Files.isDirectory(root)) {
      throw new CommandFailure("--root: not a directory: " + root);
    }
    return StaticFiles.root(root).autoindex(autoindex).hiddenFiles(hiddenFiles).expires(expires).build();
  }

  /** The address from --bind; null (no address, "*" or empty) binds every interface, IPv4 and IPv6. */
  private InetAddress bindAddress() {
    if (bind == null || bind.isBlank() || bind.equals("*")) {
      return null;
    }
    String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address " + bind);
    }
  }

  /** Prints each access-log line on standard output. */
  private record StandardOutputLog(PrintWriter out) implements AccessLog {
    @Override
    public void log(String line) {
      synchronized (out) {
        out.println(line);
      }
    }

    @Override
    public void flush() {
      synchronized (out) {
        out.flush();
      }
    }
  }
}
