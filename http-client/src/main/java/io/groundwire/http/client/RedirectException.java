package io.groundwire.http.client;

/** A redirect could not be followed: too many, a loop, a forbidden https-to-http downgrade or a bad Location. */
public class RedirectException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public RedirectException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public RedirectException(String message, Throwable cause) {
    super(message, cause);
  }
}
