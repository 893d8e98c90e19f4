package io.groundwire.it.http;

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

/**
 * {@code groundwire http-server --bind 127.0.0.1 --port 0 ARGS...} as a separate process: waits for
 * the line saying where it listens, and stops the process (SIGTERM, then forcibly) on close.
 */
final class HttpServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on https?://[^ ]+:(\\d+)/");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stderr = new StringBuilder();
  private final int port;

  HttpServerProcess(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("http-server", "--bind", "127.0.0.1", "--port", "0"));
    all.addAll(List.of(args));
    process = GroundwireCli.start(all.toArray(String[]::new));
    Thread.ofVirtual().start(() -> pump(new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
    Thread.ofVirtual().start(() -> pump(new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    port = awaitPort();
  }

  private int awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      if (!process.isAlive() && lines.isEmpty()) {
        close();
        throw new IllegalStateException("http-server exited with " + process.exitValue() + ": " + stderr());
      }
    }
    close();
    throw new IllegalStateException("http-server did not say where it listens within 30 s: " + stderr());
  }

  private void pump(BufferedReader reader, boolean toQueue) {
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (toQueue) {
          lines.add(line);
        } else {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Process process() {
    return process;
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  /** Sends SIGTERM and waits for the drain; kills the process if it does not end in time. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
