package io.groundwire.cli.time;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the time-server command lands. */
@Command(name = "time-server", mixinStandardHelpOptions = true, description = "Runs the date/time service.")
public final class TimeServerCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("time-server is not available in this build yet");
  }
}
