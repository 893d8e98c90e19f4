package io.groundwire.cli.echo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the echo-server command lands. */
@Command(name = "echo-server", mixinStandardHelpOptions = true, description = "Runs a TCP (and optionally UDP) echo server (RFC 862).")
public final class EchoServerCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("echo-server is not available in this build yet");
  }
}
