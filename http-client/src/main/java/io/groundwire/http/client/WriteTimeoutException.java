package io.groundwire.http.client;

/** Writing the request (head or body) made no progress for longer than the write timeout. */
public class WriteTimeoutException extends HttpTimeoutException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public WriteTimeoutException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public WriteTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
