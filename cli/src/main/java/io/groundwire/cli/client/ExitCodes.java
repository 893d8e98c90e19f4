package io.groundwire.cli.client;

import io.groundwire.cli.CommandFailure;
import io.groundwire.http.client.ConnectionClosedException;
import io.groundwire.http.client.HttpTimeoutException;
import io.groundwire.http.client.MalformedResponseException;
import io.groundwire.http.client.RedirectException;
import io.groundwire.http.client.RedirectLoopException;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.TooManyRedirectsException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;

/** Maps failures to curl's exit codes and a one-line message. */
final class ExitCodes {
  private ExitCodes() {}

  static CommandFailure failure(Exception e, Request request) {
    Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int code;
    if (cause instanceof UnknownHostException) {
      code = 6;
      what = "could not resolve host: " + what;
    } else if (cause instanceof ConnectException) {
      code = 7;
      what = "failed to connect to " + request.url().hostHeader() + ": " + what;
    } else if (cause instanceof HttpTimeoutException) {
      code = 28;
    } else if (cause instanceof SSLException) {
      code = 35;
      what = "TLS failure with " + request.url().hostHeader() + ": " + what;
    } else if (cause instanceof TooManyRedirectsException || cause instanceof RedirectLoopException) {
      code = 47; // curl follows a loop until --max-redirs, and stops there with 47
    } else if (cause instanceof ConnectionClosedException) {
      code = what.contains("before any response byte") ? 52 : 56;
    } else if (cause instanceof MalformedResponseException) {
      code = 8;
    } else if (cause instanceof RedirectException) {
      code = 1;
    } else if (cause instanceof NoSuchFileException) {
      code = 26;
      what = "no such file: " + what;
    } else if (cause instanceof java.io.IOException) {
      code = 56;
    } else {
      code = 1;
    }
    return new CommandFailure(what, code);
  }
}
