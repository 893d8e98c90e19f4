package io.groundwire.http.client.internal;

import io.groundwire.http.client.ConnectionClosedException;
import java.io.IOException;

/** A pooled connection turned out closed before any response byte; the request may be retried. */
final class StaleConnectionException extends IOException {
  private static final long serialVersionUID = 1L;

  StaleConnectionException(ConnectionClosedException cause) {
    super(cause.getMessage(), cause);
  }

  /** What the caller sees when the request is not retried. */
  ConnectionClosedException failure() {
    return (ConnectionClosedException) getCause();
  }
}
