package io.groundwire.http.server.staticfiles.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of small files, kept per real path while the file's identity (device and inode), size
 * and modification time are what the request's fresh attributes say, so a hot small file is sent
 * without opening it. Replacing a file (a new inode), writing it (a new time) or resizing it all
 * miss. Bounded in total bytes: everything is dropped when a new file would exceed the budget.
 * Thread-safe.
 */
public final class SmallFiles {
  /** Files up to this size are kept. */
  public static final int MAX_FILE_SIZE = 16 * 1024;
  private static final long BUDGET = 8L * 1024 * 1024;

  private record Entry(Object fileKey, long size, FileTime modified, byte[] bytes) {}

  private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();

  /**
   * The whole content of {@code path} as described by {@code attributes}, or null when it is too
   * large, has no stable identity, cannot be read or does not match the attributes when read.
   */
  public byte[] bytes(Path path, BasicFileAttributes attributes) {
    long size = attributes.size();
    Object fileKey = attributes.fileKey();
    if (size > MAX_FILE_SIZE || fileKey == null) {
      return null;
    }
    FileTime modified = attributes.lastModifiedTime();
    Entry known = entries.get(path);
    if (known != null && known.size() == size && known.modified().equals(modified)
        && Objects.equals(known.fileKey(), fileKey)) {
      return known.bytes();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException | OutOfMemoryError e) {
      return null;
    }
    if (bytes.length != size) {
      return null; // changed while being read; the caller sends it the slow way
    }
    if (held.addAndGet(size) > BUDGET) {
      entries.clear();
      held.set(size);
    }
    entries.put(path, new Entry(fileKey, size, modified, bytes));
    return bytes;
  }
}
