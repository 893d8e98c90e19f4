package io.groundwire.http.client.internal;

import io.groundwire.http.client.HttpClientException;
import java.io.IOException;

/**
 * A pooled connection turned out unusable before any response: closed by the server, or holding
 * bytes that are not the start of a response (the tail of an earlier response that lied about its
 * length). The request may be retried on a new connection.
 */
final class StaleConnectionException extends IOException {
  private static final long serialVersionUID = 1L;

  StaleConnectionException(HttpClientException cause) {
    super(cause.getMessage(), cause);
  }

  /** What the caller sees when the request is not retried. */
  HttpClientException failure() {
    return (HttpClientException) getCause();
  }
}
