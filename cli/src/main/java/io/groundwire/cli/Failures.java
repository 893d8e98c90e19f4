package io.groundwire.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads on stderr. */
final class Failures {
  private Failures() {}

  /** The failure as one line for stderr, without the command name; never throws. */
  static String describe(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof UncheckedIOException || cause.getClass() == RuntimeException.class)
        && cause.getCause() != null
        && cause.getMessage() != null
        && cause.getMessage().equals(String.valueOf(cause.getCause()))) {
      cause = cause.getCause();
    }
    if (cause instanceof UncheckedIOException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    if (cause instanceof UnknownHostException) {
      return "unknown host: " + message;
    }
    if (cause instanceof NoSuchFileException) {
      return "no such file: " + message;
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied: " + message;
    }
    if (cause instanceof FileNotFoundException
        || cause instanceof BindException
        || cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof SocketTimeoutException
        || cause instanceof CommandFailure) {
      return message == null ? cause.getClass().getSimpleName() : message;
    }
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : message;
  }
}
