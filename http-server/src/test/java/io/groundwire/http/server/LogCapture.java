package io.groundwire.http.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one {@link System.Logger} writes during a test. Without another logging backend
 * System.Logger goes to java.util.logging, so a handler on the JUL logger of the same name sees
 * every record. Holds the logger strongly (JUL keeps loggers only weakly) and restores it on close.
 */
final class LogCapture extends Handler implements AutoCloseable {
  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final Level previousLevel;

  LogCapture(String loggerName) {
    logger = Logger.getLogger(loggerName);
    previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** The records' messages with their parameters filled in, in order. */
  List<String> messages() {
    return records.stream().map(r -> r.getParameters() == null ? r.getMessage()
        : java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
