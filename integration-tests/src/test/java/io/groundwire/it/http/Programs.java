package io.groundwire.it.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion within a time limit and collects what it printed. */
final class Programs {
  private Programs() {}

  /** What a finished program left behind. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code command}; kills it and fails when it takes longer than {@code seconds}. */
  static Result run(List<String> command, long seconds) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    try {
      process.getOutputStream().close(); // nothing to say on stdin
      CompletableFuture<byte[]> out = readAll(process.getInputStream());
      CompletableFuture<byte[]> err = readAll(process.getErrorStream());
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError(command.get(0) + " did not finish within " + seconds + " s");
      }
      return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } finally {
      // a browser leaves helper processes (zygote, renderer, GPU) behind if only its main one ends
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<byte[]> readAll(InputStream in) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (in) {
        in.transferTo(bytes);
      } catch (IOException ignored) {
        // the process was killed; keep what arrived
      }
      result.complete(bytes.toByteArray());
    });
    return result;
  }
}
