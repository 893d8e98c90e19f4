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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a decoded request path to a file under a root without ever leaving it: dot segments are
 * resolved textually and may not climb above the root, NUL, control characters, backslashes and
 * percent-encoded slashes are refused, hidden names (a segment starting with {@code .}) are not
 * found unless allowed, and the real path (symbolic links resolved) must stay under the real root.
 */
public final class FileResolver {
  /**
   * How many request paths' names are remembered before the memory is dropped. Only the plain
   * spellings of paths that led to a regular file, at most {@value #MAX_REMEMBERED_DEPTH} names deep,
   * are remembered, so made-up or respelled paths cannot fill it.
   */
  private static final int MAX_REMEMBERED_PATHS = 4096;
  private static final int MAX_REMEMBERED_DEPTH = 16;

  private final Path realRoot;
  private final String realRootText;
  private final String indexFile;
  private final boolean serveHidden;
  /** Posix where the file system has it (one stat either way), so permissions come for free. */
  private final Class<? extends BasicFileAttributes> attributeType;
  /** Files found readable, by real path; see {@link #isReadable}. */
  private final ConcurrentHashMap<Path, ReadableStamp> readable = new ConcurrentHashMap<>();
  /** The names a request path leads through (see {@link #resolveFile}), built once per path. */
  private final ConcurrentHashMap<String, Path[]> namesByPath = new ConcurrentHashMap<>();

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
    this.attributeType = realRoot.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? PosixFileAttributes.class : BasicFileAttributes.class;
    this.indexFile = indexFile;
    this.serveHidden = serveHidden;
  }

  /** The root with every symbolic link resolved. */
  public Path realRoot() {
    return realRoot;
  }

  /**
   * True for a file name a request can reach: no control character or backslash (refused in
   * paths), and no U+FFFD, which stands for bytes the file system's name was not valid UTF-8 in
   * (a request for the replacement character names another file). Directory listings show only these.
   */
  public static boolean isReachableName(String name) {
    return !hasRefusedCharacter(name) && name.indexOf('\uFFFD') < 0;
  }

  private static boolean hasRefusedCharacter(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return true;
      }
    }
    return false;
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
    if (hasRefusedCharacter(relativePath)) {
      return new Resolution.BadPath("control character or backslash in the path");
    }
    boolean trailingSlash = rawPath.endsWith("/");
    Path[] remembered = namesByPath.get(relativePath);
    if (remembered != null) {
      return resolveFile(realRoot, remembered, trailingSlash, true);
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
    Path[] names = new Path[segments.size()];
    Path prefix = realRoot;
    int i = 0;
    try {
      for (String segment : segments) {
        prefix = prefix.resolve(segment);
        names[i++] = prefix;
      }
    } catch (InvalidPathException e) {
      return new Resolution.BadPath("not a valid file name");
    }
    Resolution resolution = resolveFile(realRoot, names, trailingSlash, true);
    if (resolution instanceof Resolution.RegularFile && names.length <= MAX_REMEMBERED_DEPTH
        && isPlainSpelling(relativePath, segments)) {
      if (namesByPath.size() >= MAX_REMEMBERED_PATHS) {
        namesByPath.clear();
      }
      namesByPath.put(relativePath, names);
    }
    return resolution;
  }

  /**
   * Whether {@code relativePath} is the plain spelling of its names (no empty or dot segments), so
   * that remembering it adds one entry per file, not one per way of writing the file's path.
   */
  private static boolean isPlainSpelling(String relativePath, Deque<String> segments) {
    int start = relativePath.startsWith("/") ? 1 : 0;
    int length = relativePath.length() - start;
    int plain = segments.size() - 1;
    for (String segment : segments) {
      plain += segment.length();
    }
    return length == plain;
  }

  /**
   * Resolves the last of {@code names}, each of them the one before plus one plain name, the first
   * {@code base} (a real directory) plus one; no names means the base itself.
   */
  private Resolution resolveFile(Path base, Path[] names, boolean trailingSlash, boolean tryIndex) {
    Path candidate = names.length == 0 ? base : names[names.length - 1];
    Path real;
    BasicFileAttributes attributes;
    try {
      attributes = withoutLinks(names);
      if (attributes != null) {
        real = candidate; // no name below the real base is a link: the candidate is its own real path
      } else {
        real = candidate.toRealPath();
        attributes = Files.readAttributes(real, attributeType);
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
        Resolution index = resolveFile(real, new Path[] {real.resolve(indexFile)}, false, false);
        if (index instanceof Resolution.RegularFile || index instanceof Resolution.Forbidden) {
          return index;
        }
      }
      return new Resolution.Directory(real);
    }
    if (!attributes.isRegularFile() || trailingSlash) {
      return new Resolution.NotFound(); // devices, FIFOs and sockets are never served
    }
    if (!isReadable(real, attributes)) {
      return new Resolution.Forbidden();
    }
    return new Resolution.RegularFile(real, attributes);
  }

  /**
   * The attributes of the last of {@code names} when none of them is a symbolic link (one lstat per
   * name, cheaper than resolving the whole absolute path), or null when one is or when there are no
   * names. Throws like a lookup when a name is missing.
   */
  private BasicFileAttributes withoutLinks(Path[] names) throws IOException {
    BasicFileAttributes attributes = null;
    for (int i = 0; i < names.length; i++) {
      attributes = Files.readAttributes(names[i], attributeType, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        return null;
      }
      if (i < names.length - 1 && !attributes.isDirectory()) {
        throw new NotDirectoryException(names[i].toString());
      }
    }
    return attributes;
  }

  /** What a file looked like when it was found readable. */
  private record ReadableStamp(Object fileKey, long size, FileTime modified, Set<PosixFilePermission> permissions) {
    /** The stamp for {@code attributes}, or null when they have no identity or permission bits. */
    static ReadableStamp of(BasicFileAttributes attributes) {
      return attributes instanceof PosixFileAttributes posix && attributes.fileKey() != null
          ? new ReadableStamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), posix.permissions())
          : null;
    }

    /** Whether {@code attributes} still describe the file as it was stamped (no stamp is built to ask). */
    boolean describes(BasicFileAttributes attributes) {
      return attributes instanceof PosixFileAttributes posix && fileKey.equals(attributes.fileKey())
          && size == attributes.size() && modified.equals(attributes.lastModifiedTime())
          && permissions.equals(posix.permissions());
    }
  }

  /**
   * Whether this process may read {@code real}. The answer is remembered while the file keeps its
   * identity (device and inode), size, modification time and permission bits, so a hot file costs
   * no {@code access} call (one was 15 % of a small file's request); like Jetty's and nginx's file
   * caches, a file made unreadable only by changing its owner or ACL is noticed once it changes.
   */
  private boolean isReadable(Path real, BasicFileAttributes attributes) {
    ReadableStamp known = readable.get(real);
    if (known != null && known.describes(attributes)) {
      return true;
    }
    if (!Files.isReadable(real)) {
      return false;
    }
    ReadableStamp stamp = ReadableStamp.of(attributes);
    if (stamp != null) {
      if (readable.size() >= MAX_REMEMBERED_PATHS) {
        readable.clear();
      }
      readable.put(real, stamp);
    }
    return true;
  }

  /** True when a name below the real root in {@code real} (already known to be under it) starts with a dot. */
  private boolean hasHiddenSegment(String real) {
    // the real root's own names may be hidden; only what lies below it counts
    return real.indexOf("/.", realRootText.length() - 1) >= 0; // "- 1" covers a root of "/"
  }
}
