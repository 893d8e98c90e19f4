package io.groundwire.http.client;

/** The whole call (connect, redirects, request, response head and body) exceeded its deadline. */
public class CallTimeoutException extends HttpTimeoutException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public CallTimeoutException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public CallTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
