package io.groundwire.time;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the time service refuses, carrying the HTTP status it answers with and details a client
 * can act on (an unknown zone's close matches, the two readings of an ambiguous local time). The
 * {@link TimeClient} throws it for error responses too, with the server's status and details.
 */
public final class TimeServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient Map<String, Object> details;

  /** A failure with {@code status} and a message saying what was wrong. */
  public TimeServiceException(int status, String message) {
    this(status, message, Map.of());
  }

  /** A failure with details; values are strings, numbers, booleans or lists of strings. */
  public TimeServiceException(int status, String message, Map<String, ?> details) {
    super(message);
    this.status = status;
    this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** The HTTP status: 400 malformed input, 404 unknown zone, 422 unresolved local time, 429 rate limited. */
  public int status() {
    return status;
  }

  /** Extra fields of the error, in the order the server wrote them. */
  public Map<String, Object> details() {
    return details;
  }
}
