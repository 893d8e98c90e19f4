package io.groundwire.http.server.internal;

import io.groundwire.http.server.AccessLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/** An access log appending to a file through a buffer flushed by the server's ticks. */
public final class FileAccessLog implements AccessLog {
  private final ReentrantLock lock = new ReentrantLock();
  private final BufferedWriter out;
  private final Path file;
  private volatile boolean failed;

  /**
   * Opens {@code file} for appending.
   *
   * @throws IOException when it cannot be opened
   */
  public FileAccessLog(Path file) throws IOException {
    this.file = file;
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  @Override
  public void log(String line) {
    lock.lock();
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      report(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flush() {
    lock.lock();
    try {
      out.flush();
    } catch (IOException e) {
      report(e);
    } finally {
      lock.unlock();
    }
  }

  private void report(IOException e) {
    if (!failed) {
      failed = true;
      System.getLogger(FileAccessLog.class.getName())
          .log(System.Logger.Level.WARNING, "cannot write access log " + file, new UncheckedIOException(e));
    }
  }
}
