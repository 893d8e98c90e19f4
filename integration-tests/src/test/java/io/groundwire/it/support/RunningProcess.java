package io.groundwire.it.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started process whose output is collected in the background, so neither pipe fills up and
 * every wait is bounded. Closing destroys it and its children (SIGTERM, then SIGKILL).
 */
public final class RunningProcess implements AutoCloseable {
  /** One daemon thread per pipe: the common pool may have a single thread on a small machine. */
  private static final Executor THREADS = task -> Thread.ofPlatform().daemon().start(task);
  private static final Pattern LISTENING = Pattern.compile("listening on \\S*:(\\d+)");

  /** The process itself, for signals and exit status. */
  public final Process process;
  private final BufferedReader stdoutLines;
  private final CompletableFuture<byte[]> stderr;

  private RunningProcess(Process process) {
    this.process = process;
    this.stdoutLines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), THREADS);
  }

  public static RunningProcess start(List<String> command) throws IOException {
    return new RunningProcess(new ProcessBuilder(command).start());
  }

  /** Reads stdout up to the "listening on ...:PORT" line of a server and returns the port. */
  public int awaitListeningPort(Duration timeout) throws Exception {
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return stdoutLines.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, THREADS).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("server ended before listening; stderr: " + stderr(Duration.ofSeconds(5)));
    }
    Matcher matcher = LISTENING.matcher(line);
    if (!matcher.find()) {
      throw new AssertionError("unexpected first line from server: " + line);
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Reads stdout lines until one matches {@code pattern}; returns its match, failing after {@code timeout}. */
  public Matcher awaitLine(Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    StringBuilder seen = new StringBuilder();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no line matching " + pattern + " within " + timeout + "; saw:\n" + seen);
      }
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return stdoutLines.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, THREADS).get(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("process ended before printing " + pattern + "; saw:\n" + seen
            + "stderr: " + stderr(Duration.ofSeconds(5)));
      }
      seen.append(line).append('\n');
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
  }

  /** Waits for the exit; fails the test when it takes longer than {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("process still running after " + timeout + ": " + process.info().commandLine());
    }
    return process.exitValue();
  }

  /** Everything the process wrote to stderr, once it has closed it. */
  public String stderr(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
    return new String(stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    // children first: a forking server (socat ...,fork) leaves one per connection still open
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a command to completion, feeding {@code stdin}; returns exit code, stdout and stderr. */
  public static Result run(List<String> command, byte[] stdin, Duration timeout) throws Exception {
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), THREADS);
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), THREADS);
    CompletableFuture<Void> in = CompletableFuture.runAsync(() -> {
      try (var toProcess = process.getOutputStream()) {
        toProcess.write(stdin);
      } catch (IOException e) {
        // the process may exit without reading all of its input; its exit code tells
      }
    }, THREADS);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running after " + timeout + ": " + command);
      }
      in.get(5, TimeUnit.SECONDS);
      return new Result(process.exitValue(), out.get(5, TimeUnit.SECONDS),
          new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }

  /** What a finished process left behind. */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private static byte[] readAll(InputStream in) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (IOException e) {
      // the process was destroyed; keep what arrived
    }
    return all.toByteArray();
  }
}
