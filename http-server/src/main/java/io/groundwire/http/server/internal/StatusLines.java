package io.groundwire.http.server.internal;

import io.groundwire.http.Status;
import java.nio.charset.StandardCharsets;

/** Status lines as ready-made bytes, so the common responses cost no formatting. */
final class StatusLines {
  private static final byte[][] LINES = new byte[600][];

  static {
    for (int code = 100; code < 600; code++) {
      Status s = Status.of(code);
      if (!s.reason().isEmpty()) LINES[code] = line(s);
    }
  }

  private StatusLines() {}

  /** The standard reason phrase of {@code code}, or "" when it has none. */
  static String reason(int code) {
    return code >= 100 && code <= 999 ? Status.of(code).reason() : "";
  }

  /** {@code HTTP/1.1 <code> <reason>\r\n} as ISO-8859-1 bytes. */
  static byte[] of(Status status) {
    int code = status.code();
    if (code < LINES.length && LINES[code] != null && Status.of(code).reason().equals(status.reason())) {
      return LINES[code];
    }
    return line(status);
  }

  private static byte[] line(Status s) {
    return ("HTTP/1.1 " + s.code() + " " + s.reason() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }
}
