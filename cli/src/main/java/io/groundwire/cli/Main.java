package io.groundwire.cli;

import io.groundwire.cli.client.HttpClientCommand;
import io.groundwire.cli.echo.EchoBenchCommand;
import io.groundwire.cli.echo.EchoClientCommand;
import io.groundwire.cli.echo.EchoServerCommand;
import io.groundwire.cli.http.HttpServerCommand;
import io.groundwire.cli.time.TimeClientCommand;
import io.groundwire.cli.time.TimeServerCommand;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code groundwire} command: one subcommand for each tool.
 *
 * <p>Every failure ends in one line on stderr and a non-zero exit code, never a stack trace:
 * {@code 2} for a usage error (unknown option, invalid value), {@code 1} for a failure while running
 * (connection refused, port in use, timeout). Set {@code GROUNDWIRE_DEBUG=1} to see the stack trace.
 */
@Command(
    name = "groundwire",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Small, fast, dependable networking tools built from the socket up.",
    subcommands = {
      DemoCommand.class,
      EchoServerCommand.class,
      EchoClientCommand.class,
      EchoBenchCommand.class,
      HttpServerCommand.class,
      HttpClientCommand.class,
      TimeServerCommand.class,
      TimeClientCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; used by tests that run commands in-process. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** The configured command line, with Groundwire's converters and error handling. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.registerConverter(Duration.class, new DurationConverter());
    // curl's "-d @FILE" names a data file, not an argument file
    commandLine.setExpandAtFiles(false);
    commandLine.setExecutionExceptionHandler(Main::reportFailure);
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int reportFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(commandName(commandLine) + ": " + Failures.describe(e));
    if (System.getenv("GROUNDWIRE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof CommandFailure failure ? failure.exitCode() : 1;
  }

  private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(commandName(commandLine) + ": " + e.getMessage()
        + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return 2;
  }

  /** The command's name as typed after {@code groundwire}, e.g. {@code time-client offset}. */
  private static String commandName(CommandLine commandLine) {
    String qualified = commandLine.getCommandSpec().qualifiedName();
    return qualified.equals("groundwire") ? qualified : qualified.replaceFirst("^groundwire ", "");
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"groundwire " + (version == null ? "development build" : version)};
    }
  }
}
