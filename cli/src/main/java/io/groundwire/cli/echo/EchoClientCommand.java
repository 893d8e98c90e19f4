package io.groundwire.cli.echo;

import io.groundwire.cli.CommandFailure;
import io.groundwire.echo.EchoClient;
import io.groundwire.echo.EchoClientOptions;
import java.io.InputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundwire echo-client}: sends one message, or pipes stdin through an echo server to stdout. */
@Command(
    name = "echo-client",
    mixinStandardHelpOptions = true,
    description = {
      "Talks to a TCP echo server.",
      "With --message: sends the text, prints the echo and exits.",
      "Without it, works like nc: stdin goes to the server and the echo to",
      "stdout, byte for byte; exits once stdin has ended and every echoed",
      "byte is back."
    })
public final class EchoClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HOST", description = "Server host name or address.")
  String host;

  @Parameters(index = "1", paramLabel = "PORT", description = "Server port.")
  int port;

  @Option(names = "--message", paramLabel = "TEXT", description = "Send this text (UTF-8), print the echo, exit.")
  String message;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "Connect timeout, and how long to wait for owed echoes (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /**
   * Where stdin and stdout are; tests swap them. Stdout is the raw file descriptor rather than
   * System.out, whose PrintStream would hide a closed pipe ({@code | head}) instead of failing.
   */
  InputStream stdin = System.in;
  OutputStream stdout = new FileOutputStream(FileDescriptor.out);

  @Override
  public Integer call() throws Exception {
    EchoClientOptions options;
    try {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
      }
      options = EchoClientOptions.builder().timeout(timeout).build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
    try (EchoClient client = EchoClient.connect(host, port, options)) {
      if (message != null) {
        String echo = client.echo(message);
        PrintWriter out = spec.commandLine().getOut();
        out.println(echo);
        out.flush();
      } else {
        client.pipe(stdin, stdout);
      }
    }
    return 0;
  }
}
