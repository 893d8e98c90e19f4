package io.groundwire.it.time;

import io.groundwire.it.support.GroundwireCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code groundwire time-server} as a separate process, with the ports it printed. */
final class TimeServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("^\\s+(HTTP API|Daytime|Time|SNTP)\\b.*:(\\d+)(/.*)?$");

  private final Process process;
  private final BlockingQueue<String> later;
  final int http;
  final int daytime;
  final int time;
  final int sntp;

  private TimeServerProcess(Process process, BlockingQueue<String> later, int http, int daytime, int time, int sntp) {
    this.process = process;
    this.later = later;
    this.http = http;
    this.daytime = daytime;
    this.time = time;
    this.sntp = sntp;
  }

  /** Starts it ({@code prefix} e.g. {@code ip netns exec NS}) and waits up to 30 s for its four lines. */
  static TimeServerProcess start(List<String> prefix, String... args) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(GroundwireCli.command(prefix, args)).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    int[] ports = {-1, -1, -1, -1};
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (seen.size() < 5) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("time-server did not print its ports in 30 s: " + seen);
      }
      seen.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.matches()) {
        int index = List.of("HTTP API", "Daytime", "Time", "SNTP").indexOf(m.group(1));
        ports[index] = Integer.parseInt(m.group(2));
      } else if (!line.startsWith("time-server:") && !line.endsWith(": off")) {
        process.destroyForcibly();
        throw new IllegalStateException("time-server failed: " + seen);
      }
    }
    return new TimeServerProcess(process, lines, ports[0], ports[1], ports[2], ports[3]);
  }

  /** Sends SIGTERM and returns the exit code and the lines printed after the start, within 15 s. */
  Stopped terminate() throws InterruptedException, IOException {
    // Process.destroy() would also close our end of the pipe and lose what the server prints on the way out.
    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException("time-server did not stop within 15 s of SIGTERM");
    }
    List<String> rest = new ArrayList<>();
    String line;
    while ((line = later.poll(2, TimeUnit.SECONDS)) != null) {
      rest.add(line);
    }
    return new Stopped(process.exitValue(), rest);
  }

  /** How the process ended. */
  record Stopped(int exit, List<String> lines) {}

  /** SIGTERM, then wait for the drain; forcibly after 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
