package io.groundwire.http.client;

/** The connection ended before the whole response body arrived (shorter than Content-Length, or a chunked body without its last chunk). */
public class TruncatedBodyException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public TruncatedBodyException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public TruncatedBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
