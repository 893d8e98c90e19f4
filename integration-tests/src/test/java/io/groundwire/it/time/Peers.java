package io.groundwire.it.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real peer program to completion within a bound and returns what it printed. */
final class Peers {
  private Peers() {}

  record Result(int exit, String output) {}

  static Result run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TZ", "UTC");
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write(stdin);
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError(command + " did not finish in 20 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }
}
