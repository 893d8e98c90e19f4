package io.groundwire.http.client;

import java.io.IOException;

/**
 * The common type of every failure the client itself diagnoses: timeouts, malformed or truncated
 * responses, resets, redirect problems. Plain {@link IOException}s (connection refused, unknown
 * host, TLS handshake failures) pass through unchanged.
 */
public class HttpClientException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public HttpClientException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public HttpClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
