package io.groundwire.cli;

/**
 * A failure a command reports as one line on stderr with the given exit code, without a stack trace.
 * Commands throw it for conditions they detect themselves (a file that does not exist, a bad URL).
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CommandFailure(String message) {
    this(message, 1);
  }

  public CommandFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
