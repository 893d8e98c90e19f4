package io.groundwire.http.server.staticfiles.internal;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Where a request path leads inside the root, decided by {@link FileResolver}. */
public sealed interface Resolution {
  /** A regular file to serve, by its real path (symbolic links resolved). */
  record RegularFile(Path path, BasicFileAttributes attributes) implements Resolution {}

  /** A directory without an index file, to list when listings are enabled (403 otherwise). */
  record Directory(Path path) implements Resolution {}

  /** A directory asked for without its trailing slash: 301 to the slash form. */
  record NeedsTrailingSlash() implements Resolution {}

  /** Nothing servable there (missing, hidden, outside the root, not a regular file): 404. */
  record NotFound() implements Resolution {}

  /** The file exists but may not be read: 403. */
  record Forbidden() implements Resolution {}

  /** The path itself is malformed or hostile (NUL, backslash, encoded slash, escapes the root): 400. */
  record BadPath(String reason) implements Resolution {}
}
