package io.groundwire.http.server.staticfiles.internal;

import io.groundwire.http.HttpDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The per-file strings a response carries (ETag, Last-Modified, Content-Type), remembered per real
 * path and reused while the file's size and modification time are unchanged, so a hot file costs
 * no formatting. The attributes are still read fresh for every request; only derived text is kept.
 * Bounded: the memory is dropped once it holds {@value #MAX_ENTRIES} files. Thread-safe.
 */
public final class Validators {
  private static final int MAX_ENTRIES = 4096;

  /**
   * What to send for one version of a file: {@code lastModified} is truncated to whole seconds,
   * {@code lastModifiedText} is its IMF-fixdate.
   */
  public record Entry(long size, Instant modified, String etag, Instant lastModified,
      String lastModifiedText, String contentType) {}

  private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
  private final Function<String, String> contentTypes;

  /** Remembers validators, finding a file's type by its name with {@code contentTypes}. */
  public Validators(Function<String, String> contentTypes) {
    this.contentTypes = contentTypes;
  }

  /**
   * The validators for {@code path} as described by {@code attributes}, as seen at {@code now}: a
   * modification time in the future is sent as {@code now} (RFC 9110 §8.8.2.1) and not remembered.
   */
  public Entry of(Path path, BasicFileAttributes attributes, Instant now) {
    long size = attributes.size();
    Instant modified = attributes.lastModifiedTime().toInstant();
    Entry known = entries.get(path);
    if (known != null && known.size() == size && known.modified().equals(modified)) {
      return known;
    }
    String etag = EntityTags.strongTag(size, modified.getEpochSecond(), modified.getNano());
    Long checksum = archiveChecksum(path);
    if (checksum != null) {
      etag = EntityTags.withChecksum(etag, checksum);
    }
    boolean future = modified.isAfter(now);
    Instant lastModified = (future ? now : modified).truncatedTo(ChronoUnit.SECONDS);
    Entry entry = new Entry(size, modified, etag, lastModified, HttpDates.format(lastModified),
        contentTypes.apply(path.getFileName().toString()));
    if (!future) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(path, entry);
    }
    return entry;
  }

  /**
   * The CRC-32 a zip archive records for the entry at {@code path}, or null for a file that is not
   * in one. Builds made reproducible give every entry of a jar the same time, so two versions of a
   * same-sized file would otherwise share a tag and a browser would keep the old one.
   */
  private static Long archiveChecksum(Path path) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("zip")) {
      return null;
    }
    try {
      return Files.getAttribute(path, "zip:crc") instanceof Long crc ? crc : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
