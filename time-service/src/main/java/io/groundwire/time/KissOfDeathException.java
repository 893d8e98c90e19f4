package io.groundwire.time;

import java.io.IOException;

/**
 * An SNTP server told this client to go away (RFC 5905 §7.4): {@code RATE} (slow down), {@code DENY}
 * or {@code RSTR} (stop asking this server). {@link SntpClient} honours it by not sending again: for a
 * back-off after RATE, for good after DENY and RSTR.
 */
public final class KissOfDeathException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /** {@code server} (as a URI) sent kiss code {@code code}. */
  public KissOfDeathException(String server, String code) {
    super(server + " sent kiss-o'-death " + code + ("RATE".equals(code) ? ": asking too often"
        : "; not asking this server again"));
    this.code = code;
  }

  /** The four-letter kiss code: RATE, DENY, RSTR or another the server chose. */
  public String code() {
    return code;
  }
}
