package io.groundwire.http.server.staticfiles.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Maps a decoded request path to a file under a root without ever leaving it: dot segments are
 * resolved textually and may not climb above the root, NUL, control characters, backslashes and
 * percent-encoded slashes are refused, hidden names (a segment starting with {@code .}) are not
 * found unless allowed, and the real path (symbolic links resolved) must stay under the real root.
 */
public final class FileResolver {
  private final Path realRoot;
  private final String realRootText;
  private final String indexFile;
  private final boolean serveHidden;

  /**
   * Resolves under {@code root}, which must be an existing directory; {@code indexFile} (null for
   * none) is served for a directory. Throws {@link IOException} when the root cannot be resolved.
   */
  public FileResolver(Path root, String indexFile, boolean serveHidden) throws IOException {
    this.realRoot = root.toRealPath();
    if (!Files.isDirectory(realRoot)) {
      throw new NotDirectoryException(root.toString());
    }
    this.realRootText = realRoot.toString();
    this.indexFile = indexFile;
    this.serveHidden = serveHidden;
  }

  /** The root with every symbolic link resolved. */
  public Path realRoot() {
    return realRoot;
  }

  /**
   * Resolves {@code relativePath} (percent-decoded, relative to the root, with or without a leading
   * slash). {@code rawPath} is the request-target's path as received, still percent-encoded, which
   * is checked for encoded slashes, backslashes and NUL that decoding would hide.
   */
  public Resolution resolve(String rawPath, String relativePath) {
    if (rawPath.indexOf('%') >= 0) {
      String raw = rawPath.toLowerCase(Locale.ROOT);
      if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")) {
        return new Resolution.BadPath("encoded slash, backslash or NUL in the path");
      }
    }
    for (int i = 0; i < relativePath.length(); i++) {
      char c = relativePath.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return new Resolution.BadPath("control character or backslash in the path");
      }
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : relativePath.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return new Resolution.BadPath("the path climbs above the root");
        }
        segments.removeLast();
        continue;
      }
      segments.addLast(segment);
    }
    for (String segment : segments) {
      if (segment.startsWith(".") && !serveHidden) {
        return new Resolution.NotFound();
      }
    }
    boolean trailingSlash = rawPath.endsWith("/");
    Path candidate = realRoot;
    try {
      for (String segment : segments) {
        candidate = candidate.resolve(segment);
      }
    } catch (InvalidPathException e) {
      return new Resolution.BadPath("not a valid file name");
    }
    return resolveFile(realRoot, candidate, trailingSlash, true);
  }

  /** Resolves {@code candidate}, which is {@code base} (a real directory) plus plain names. */
  private Resolution resolveFile(Path base, Path candidate, boolean trailingSlash, boolean tryIndex) {
    Path real;
    BasicFileAttributes attributes;
    try {
      attributes = withoutLinks(base, candidate);
      if (attributes != null) {
        real = candidate; // no name below the real base is a link: the candidate is its own real path
      } else {
        real = candidate.toRealPath();
        attributes = Files.readAttributes(real, BasicFileAttributes.class);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return new Resolution.NotFound();
    } catch (AccessDeniedException e) {
      return new Resolution.Forbidden();
    } catch (IOException | SecurityException e) {
      return new Resolution.NotFound();
    }
    if (!real.startsWith(realRoot) || (!serveHidden && hasHiddenSegment(real.toString()))) {
      return new Resolution.NotFound(); // a symbolic link leads out of the root or to a hidden name
    }
    if (attributes.isDirectory()) {
      if (!trailingSlash) {
        return new Resolution.NeedsTrailingSlash();
      }
      if (tryIndex && indexFile != null) {
        Resolution index = resolveFile(real, real.resolve(indexFile), false, false);
        if (index instanceof Resolution.RegularFile || index instanceof Resolution.Forbidden) {
          return index;
        }
      }
      return new Resolution.Directory(real);
    }
    if (!attributes.isRegularFile() || trailingSlash) {
      return new Resolution.NotFound(); // devices, FIFOs and sockets are never served
    }
    if (!Files.isReadable(real)) {
      return new Resolution.Forbidden();
    }
    return new Resolution.RegularFile(real, attributes);
  }

  /**
   * The attributes of {@code candidate} when no name of it below {@code base} is a symbolic link
   * (one lstat per name, cheaper than resolving the whole absolute path), or null when one is or
   * when the candidate is the base itself. Throws like a lookup when a name is missing.
   */
  private static BasicFileAttributes withoutLinks(Path base, Path candidate) throws IOException {
    int from = base.getNameCount();
    int to = candidate.getNameCount();
    if (to <= from) {
      return null;
    }
    Path prefix = base;
    BasicFileAttributes attributes = null;
    for (int i = from; i < to; i++) {
      prefix = i == to - 1 ? candidate : prefix.resolve(candidate.getName(i));
      attributes = Files.readAttributes(prefix, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        return null;
      }
      if (i < to - 1 && !attributes.isDirectory()) {
        throw new NotDirectoryException(prefix.toString());
      }
    }
    return attributes;
  }

  /** True when a name below the real root in {@code real} (already known to be under it) starts with a dot. */
  private boolean hasHiddenSegment(String real) {
    // the real root's own names may be hidden; only what lies below it counts
    return real.indexOf("/.", realRootText.length() - 1) >= 0; // "- 1" covers a root of "/"
  }
}
