package io.groundwire.cli.echo;

import io.groundwire.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs one {@code groundwire} command line in-process and keeps what it printed. */
final class CommandRun {
  final int exitCode;
  final String out;
  final String err;
  final byte[] stdout;

  private CommandRun(int exitCode, String out, String err, byte[] stdout) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.stdout = stdout;
  }

  static CommandRun run(String... args) {
    return run(new byte[0], args);
  }

  /** Runs with {@code stdin} as the echo client's standard input; its raw output lands in {@link #stdout}. */
  static CommandRun run(byte[] stdin, String... args) {
    CommandLine commandLine = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    EchoClientCommand client = commandLine.getSubcommands().get("echo-client").getCommand();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    client.stdin = new ByteArrayInputStream(stdin);
    client.stdout = raw;
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString(), raw.toByteArray());
  }
}
