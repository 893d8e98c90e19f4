package io.groundwire.http.client;

/** A time limit was exceeded; the subclass says which one (connect, read, write, whole call). */
public class HttpTimeoutException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public HttpTimeoutException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public HttpTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
