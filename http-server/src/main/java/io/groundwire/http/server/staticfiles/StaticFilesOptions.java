package io.groundwire.http.server.staticfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link StaticFiles} handler serves its directory. Immutable; made with
 * {@link StaticFiles#root(Path)} or {@link StaticFiles#alias(Path)} and the {@link Builder}.
 *
 * @param directory    the directory served
 * @param alias        true for nginx {@code alias} semantics (look up only the wildcard's part of the
 *                     path), false for {@code root} (look up the whole path)
 * @param indexFile    the file served for a directory, or null for none; default {@code index.html}
 * @param autoindex    list a directory that has no index file; default false (403 instead)
 * @param hiddenFiles  serve and list names starting with {@code .}; default false (404)
 * @param mimeTypes    the extension to Content-Type table; default {@link MimeTypes#defaults()}
 * @param cacheControl the Cache-Control value sent with files, or null; default null
 * @param expires      like nginx {@code expires}: sends {@code Expires} now + this and, unless
 *                     {@code cacheControl} is set, {@code Cache-Control: max-age} (negative:
 *                     {@code no-cache}); null (the default) sends neither
 * @param maxRanges    the most ranges one Range header may ask for; more are ignored and the whole
 *                     file is sent (200); default 64
 */
public record StaticFilesOptions(
    Path directory,
    boolean alias,
    String indexFile,
    boolean autoindex,
    boolean hiddenFiles,
    MimeTypes mimeTypes,
    String cacheControl,
    Duration expires,
    int maxRanges) {

  /** The default for {@link #maxRanges()}. */
  public static final int DEFAULT_MAX_RANGES = 64;

  /** Checks the values; throws {@link IllegalArgumentException} for an unusable one. */
  public StaticFilesOptions {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(mimeTypes, "mimeTypes");
    if (indexFile != null && (indexFile.isEmpty() || indexFile.contains("/") || indexFile.contains("\\"))) {
      throw new IllegalArgumentException("an index file is a plain file name: '" + indexFile + "'");
    }
    if (cacheControl != null && cacheControl.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("Cache-Control contains a control character");
    }
    if (maxRanges < 1) {
      throw new IllegalArgumentException("maxRanges must be at least 1: " + maxRanges);
    }
  }

  /** Collects the options of a {@link StaticFiles} handler; not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private final boolean alias;
    private String indexFile = "index.html";
    private boolean autoindex;
    private boolean hiddenFiles;
    private MimeTypes mimeTypes = MimeTypes.defaults();
    private String cacheControl;
    private Duration expires;
    private int maxRanges = DEFAULT_MAX_RANGES;

    Builder(Path directory, boolean alias) {
      this.directory = Objects.requireNonNull(directory, "directory");
      this.alias = alias;
    }

    /** The file served for a directory request ({@code index.html}); null disables index files. */
    public Builder indexFile(String indexFile) {
      this.indexFile = indexFile;
      return this;
    }

    /** Lists directories without an index file (like nginx {@code autoindex on}); default off. */
    public Builder autoindex(boolean autoindex) {
      this.autoindex = autoindex;
      return this;
    }

    /** Serves names starting with a dot ({@code .env}, {@code .git/}); default off (404). */
    public Builder hiddenFiles(boolean hiddenFiles) {
      this.hiddenFiles = hiddenFiles;
      return this;
    }

    /** The extension to Content-Type table; default {@link MimeTypes#defaults()}. */
    public Builder mimeTypes(MimeTypes mimeTypes) {
      this.mimeTypes = Objects.requireNonNull(mimeTypes, "mimeTypes");
      return this;
    }

    /** A Cache-Control value sent with every file (e.g. {@code public, max-age=3600}). */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /** Like nginx {@code expires 30d}: an Expires date this far ahead and a matching max-age. */
    public Builder expires(Duration expires) {
      this.expires = expires;
      return this;
    }

    /** The most ranges a Range header may ask for before it is ignored; default 64. */
    public Builder maxRanges(int maxRanges) {
      this.maxRanges = maxRanges;
      return this;
    }

    /** The options; throws {@link IllegalArgumentException} for an unusable value. */
    public StaticFilesOptions options() {
      return new StaticFilesOptions(
          directory, alias, indexFile, autoindex, hiddenFiles, mimeTypes, cacheControl, expires, maxRanges);
    }

    /**
     * The handler.
     *
     * @throws IllegalArgumentException for an unusable option
     * @throws java.io.UncheckedIOException when the directory does not exist or is not a directory
     */
    public StaticFiles build() {
      return StaticFiles.of(options());
    }
  }
}
