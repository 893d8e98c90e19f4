package io.groundwire.cli.echo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the echo-client command lands. */
@Command(name = "echo-client", mixinStandardHelpOptions = true, description = "Talks to an echo server.")
public final class EchoClientCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("echo-client is not available in this build yet");
  }
}
