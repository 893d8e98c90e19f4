package io.groundwire.http.client;

/** The server sent bytes that are not a valid HTTP/1.1 response (status line, header, chunk size...). */
public class MalformedResponseException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public MalformedResponseException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
