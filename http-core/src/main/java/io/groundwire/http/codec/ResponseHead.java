package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Status;
import java.util.Objects;

/**
 * The status line and header fields of a response (RFC 9112 §4).
 *
 * @param version HTTP/1.0 or HTTP/1.1
 * @param status the status; its code is what counts
 * @param reason the reason phrase as sent (may be empty; clients ignore it)
 * @param headers the header fields
 */
public record ResponseHead(HttpVersion version, Status status, String reason, Headers headers) {
  /** Checks that no component is null. */
  public ResponseHead {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(headers, "headers");
  }

  /** A head with the status's standard reason phrase. */
  public ResponseHead(HttpVersion version, Status status, Headers headers) {
    this(version, status, status.reason(), headers);
  }

  /**
   * True if the server lets the connection carry another request: HTTP/1.1 unless
   * {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}. A
   * close-delimited body also ends the connection (see {@link Framing}).
   */
  public boolean keepAlive() {
    return Persistence.keepAlive(version, headers);
  }
}
