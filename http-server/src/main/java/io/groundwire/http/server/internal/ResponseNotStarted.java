package io.groundwire.http.server.internal;

import java.io.IOException;

/** A response body failed before any of its bytes left, so the client can still get a 500. */
final class ResponseNotStarted extends IOException {
  ResponseNotStarted(Throwable cause) {
    super(cause);
  }
}
