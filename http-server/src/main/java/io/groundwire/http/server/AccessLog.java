package io.groundwire.http.server;

import io.groundwire.http.server.internal.FileAccessLog;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Receives one line per answered request in nginx's {@code combined} format:
 *
 * <pre>
 * 127.0.0.1 - - [23/Nov/2026:21:30:00 +0000] "GET /index.html HTTP/1.1" 200 612 "-" "curl/8.5.0"
 * </pre>
 *
 * (remote address, remote user, local time, request line, status, body bytes sent, Referer,
 * User-Agent). Implementations must be thread-safe; {@link #log} is called on the connection's
 * thread after the response is written.
 */
public interface AccessLog {
  /** Records one formatted line (without line terminator). */
  void log(String line);

  /** Writes out buffered lines; the server calls it about once a second and on close. */
  default void flush() {}

  /** Whether lines are wanted at all; the server formats nothing for a log that says false. */
  default boolean enabled() {
    return true;
  }

  /** A log that drops every line (the default). */
  static AccessLog none() {
    return new AccessLog() {
      @Override
      public void log(String line) {}

      @Override
      public boolean enabled() {
        return false;
      }
    };
  }

  /**
   * Appends lines to {@code file}, creating it if needed; lines are buffered and flushed about once
   * a second.
   *
   * @throws IOException when the file cannot be opened for appending
   */
  static AccessLog toFile(Path file) throws IOException {
    return new FileAccessLog(file);
  }

  /** Sends each line at INFO level to the {@link System.Logger} named {@code loggerName}. */
  static AccessLog toLogger(String loggerName) {
    System.Logger logger = System.getLogger(loggerName);
    return new AccessLog() {
      @Override
      public void log(String line) {
        logger.log(System.Logger.Level.INFO, line);
      }

      @Override
      public boolean enabled() {
        return logger.isLoggable(System.Logger.Level.INFO);
      }
    };
  }
}
