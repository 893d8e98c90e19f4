package io.groundwire.cli.echo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the echo-bench command lands. */
@Command(name = "echo-bench", mixinStandardHelpOptions = true, description = "Measures an echo server's throughput or latency.")
public final class EchoBenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("echo-bench is not available in this build yet");
  }
}
