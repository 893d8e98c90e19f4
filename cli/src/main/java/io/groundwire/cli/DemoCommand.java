package io.groundwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the demo lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Starts every Groundwire service for a demo.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CommandFailure("demo is not available in this build yet");
  }
}
