package io.groundwire.http.client;

/** The TCP connection (or TLS handshake) was not established within the connect timeout. */
public class ConnectTimeoutException extends HttpTimeoutException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public ConnectTimeoutException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public ConnectTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
