package io.groundwire.http.client;

/** The server sent nothing for longer than the read timeout while a response was awaited or read. */
public class ReadTimeoutException extends HttpTimeoutException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public ReadTimeoutException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public ReadTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
