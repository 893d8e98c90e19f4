package io.groundwire.it.http;

import io.groundwire.it.support.GroundwireCli;
import io.groundwire.it.support.RunningProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code groundwire http-server --bind 127.0.0.1 --port 0 ARGS...} as a separate process: waits for
 * the line saying where it listens, and stops the process (SIGTERM, then forcibly) on close.
 */
final class HttpServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on https?://[^ ]+:(\\d+)/");

  private final RunningProcess running;
  private final int port;

  HttpServerProcess(String... args) throws Exception {
    this(null, args);
  }

  /**
   * Starts the server with {@code launcher}, a command that takes the subcommand and its arguments
   * (the launcher script, or {@code java -jar} run as another user), instead of {@code java -jar};
   * null for {@code java -jar}.
   */
  HttpServerProcess(List<String> launcher, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("http-server", "--bind", "127.0.0.1", "--port", "0"));
    all.addAll(List.of(args));
    List<String> command = new ArrayList<>();
    if (launcher == null) {
      command.addAll(GroundwireCli.command(List.of(), all.toArray(String[]::new)));
    } else {
      command.addAll(launcher);
      command.addAll(all);
    }
    running = RunningProcess.start(command);
    try {
      port = Integer.parseInt(running.awaitLine(LISTENING, Duration.ofSeconds(30)).group(1));
    } catch (Exception | Error e) {
      running.close();
      throw e;
    }
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Process process() {
    return running.process;
  }

  /** Sends SIGTERM and waits for the drain; kills the process if it does not end in time. */
  @Override
  public void close() {
    running.close();
  }
}
