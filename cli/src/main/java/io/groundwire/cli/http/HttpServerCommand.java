package io.groundwire.cli.http;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the http-server command lands. */
@Command(name = "http-server", mixinStandardHelpOptions = true, description = "Runs the HTTP/1.1 server.")
public final class HttpServerCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.groundwire.cli.CommandFailure("http-server is not available in this build yet");
  }
}
