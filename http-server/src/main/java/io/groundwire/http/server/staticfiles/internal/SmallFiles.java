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
 * miss. An archive's entries ({@link #inArchive()}) have no identity and are kept by size and time.
 * Bounded in total bytes: everything is dropped when a new file would exceed the budget.
 * Thread-safe.
 */
public final class SmallFiles {
  /** Files on disk up to this size are kept; larger ones go zero-copy from the page cache. */
  public static final int MAX_FILE_SIZE = 16 * 1024;
  /**
   * Entries of an archive (a jar's zip file system) up to this size are kept: they have no
   * zero-copy path, every read inflates them again, and they cannot change while the archive is open.
   */
  public static final int MAX_ARCHIVED_SIZE = 1024 * 1024;
  private static final long BUDGET = 8L * 1024 * 1024;
  private static final long ARCHIVED_BUDGET = 16L * 1024 * 1024;

  private record Entry(Object fileKey, long size, FileTime modified, byte[] bytes) {}

  private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();
  private final int maxFileSize;
  private final long budget;
  private final boolean archived;

  private SmallFiles(int maxFileSize, long budget, boolean archived) {
    this.maxFileSize = maxFileSize;
    this.budget = budget;
    this.archived = archived;
  }

  /** For files on disk: up to {@link #MAX_FILE_SIZE} each, kept only while their identity holds. */
  public static SmallFiles onDisk() {
    return new SmallFiles(MAX_FILE_SIZE, BUDGET, false);
  }

  /**
   * For an archive's entries, which have no identity ({@code fileKey}) but cannot change while the
   * archive is open: up to {@link #MAX_ARCHIVED_SIZE} each.
   */
  public static SmallFiles inArchive() {
    return new SmallFiles(MAX_ARCHIVED_SIZE, ARCHIVED_BUDGET, true);
  }

  /**
   * The whole content of {@code path} as described by {@code attributes}, or null when it is too
   * large, has no stable identity, cannot be read or does not match the attributes when read.
   */
  public byte[] bytes(Path path, BasicFileAttributes attributes) {
    long size = attributes.size();
    Object fileKey = attributes.fileKey();
    if (size > maxFileSize || (fileKey == null && !archived)) {
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
    if (held.addAndGet(size) > budget) {
      entries.clear();
      held.set(size);
    }
    entries.put(path, new Entry(fileKey, size, modified, bytes));
    return bytes;
  }
}
