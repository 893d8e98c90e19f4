package io.groundwire.cli.time;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the time-client command lands. */
@Command(name = "time-client", mixinStandardHelpOptions = true, description = "Asks a time service for the time or the clock offset.")
public final class TimeClientCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("time-client is not available in this build yet");
  }
}
