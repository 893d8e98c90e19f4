package io.groundwire.cli.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the http-client command lands. */
@Command(name = "http-client", mixinStandardHelpOptions = true, description = "Fetches URLs with curl's habits.")
public final class HttpClientCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("http-client is not available in this build yet");
  }
}
