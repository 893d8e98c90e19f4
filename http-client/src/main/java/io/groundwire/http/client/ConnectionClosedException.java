package io.groundwire.http.client;

/** The server closed or reset the connection before a complete response head arrived. */
public class ConnectionClosedException extends HttpClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public ConnectionClosedException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public ConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
