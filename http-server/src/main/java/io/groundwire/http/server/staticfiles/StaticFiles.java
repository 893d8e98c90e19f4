package io.groundwire.http.server.staticfiles;

import io.groundwire.http.HttpDates;
import io.groundwire.http.server.Handler;
import io.groundwire.http.server.Request;
import io.groundwire.http.server.Response;
import io.groundwire.http.server.staticfiles.internal.ByteRange;
import io.groundwire.http.server.staticfiles.internal.ClasspathDirectory;
import io.groundwire.http.server.staticfiles.internal.DirectoryListing;
import io.groundwire.http.server.staticfiles.internal.EntityTags;
import io.groundwire.http.server.staticfiles.internal.FileResolver;
import io.groundwire.http.server.staticfiles.internal.MultipartByteranges;
import io.groundwire.http.server.staticfiles.internal.Preconditions;
import io.groundwire.http.server.staticfiles.internal.RangeRequest;
import io.groundwire.http.server.staticfiles.internal.RequestPaths;
import io.groundwire.http.server.staticfiles.internal.Resolution;
import io.groundwire.http.server.staticfiles.internal.SmallFiles;
import io.groundwire.http.server.staticfiles.internal.Validators;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Handler} that serves files from a directory, like nginx's {@code root} / {@code alias}
 * locations: index files, optional directory listings, MIME types, strong ETags and Last-Modified,
 * conditional requests (304, 412), single and multiple byte ranges (206, 416), Cache-Control and
 * Expires, and large files sent zero-copy. Only GET and HEAD are served (405 with {@code Allow}).
 *
 * <p>No request ever reads outside the root: dot segments may not climb above it, encoded slashes,
 * backslashes and NUL are answered with 400, symbolic links whose target lies outside the real root
 * and hidden names (starting with {@code .}, unless enabled) with 404.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *     .get("/static/*", StaticFiles.alias(Path.of("public")).expires(Duration.ofDays(30)).build())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; build it with {@link #root(Path)}, {@link #alias(Path)} or
 * {@link #classpath(ClassLoader, String)}.
 */
public final class StaticFiles implements Handler {
  private static final String ALLOW = "GET, HEAD";
  private static final System.Logger LOG = System.getLogger(StaticFiles.class.getName());
  private static final AtomicBoolean warnedAboutFileNames = new AtomicBoolean();

  private final StaticFilesOptions options;
  private final FileResolver resolver;
  private final Clock clock;
  private final Validators validators;
  /** Whether the files lie on the default file system, which can send them zero-copy. */
  private final boolean onDisk;
  private final SmallFiles smallFiles;

  private StaticFiles(StaticFilesOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.validators = new Validators(options.mimeTypes()::forFileName);
    this.onDisk = options.directory().getFileSystem() == FileSystems.getDefault();
    this.smallFiles = onDisk ? SmallFiles.onDisk() : SmallFiles.inArchive();
    if (onDisk) {
      warnOnceIfFileNamesAreNotUtf8();
    }
    try {
      this.resolver = new FileResolver(options.directory(), options.indexFile(), options.hiddenFiles());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + options.directory() + ": " + e, e);
    }
  }

  /**
   * Java decodes file names with the charset of the locale it started in: under the plain C locale
   * (systemd units, small containers) that is ASCII, and a file named {@code café.txt} can be
   * neither served nor listed properly. The {@code groundwire} launcher avoids it; a program
   * started some other way is told once.
   */
  private static void warnOnceIfFileNamesAreNotUtf8() {
    String charset = System.getProperty("sun.jnu.encoding");
    if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !warnedAboutFileNames.getAndSet(true)) {
      LOG.log(System.Logger.Level.WARNING, "file names are read as " + charset
          + " (the locale's charset), so names with other characters cannot be served;"
          + " start Java under a UTF-8 locale, such as LC_ALL=C.UTF-8");
    }
  }

  /**
   * Serves {@code directory} like nginx's {@code root}: the whole request path is looked up under
   * it ({@code /static/a.css} is {@code directory/static/a.css}).
   */
  public static StaticFilesOptions.Builder root(Path directory) {
    return new StaticFilesOptions.Builder(directory, false);
  }

  /**
   * Serves {@code directory} like nginx's {@code alias}: mounted on a route ending in a wildcard
   * ({@code /static/*}), only the part the wildcard matched is looked up ({@code /static/a.css} is
   * {@code directory/a.css}). Without a wildcard route it behaves like {@link #root(Path)}.
   */
  public static StaticFilesOptions.Builder alias(Path directory) {
    return new StaticFilesOptions.Builder(directory, true);
  }

  /**
   * Serves a directory of the class path, such as the {@code public/} folder of the application's
   * jar, mounted like {@link #alias(Path)}: on {@code /assets/*}, {@code /assets/app.css} is the
   * resource {@code public/app.css}. A directory in a classes folder is served from disk; one in a
   * jar is served from the jar, opened once as a zip file system. Everything works as for a
   * directory on disk but zero-copy, which a jar cannot give: a jar's files are sent from memory
   * (those up to 1 MiB are kept, 16 MiB in all) or inflated as they are sent, and their ETag also
   * carries the jar entry's CRC-32, so a rebuilt jar whose entries all have one fixed time
   * (a reproducible build) still gives a changed file a new tag.
   *
   * <pre>{@code
   * .get("/assets/*", StaticFiles.classpath(App.class.getClassLoader(), "public").build())
   * }</pre>
   *
   * @param loader    finds the directory, as {@link ClassLoader#getResource(String)} does
   * @param directory the resource name of the directory ({@code "public"}, {@code "com/example/site"})
   * @throws IllegalArgumentException when the loader finds no such directory, the name climbs
   *     ({@code ..}), or the directory lies where no file system reaches (a jar nested in a jar)
   * @throws java.io.UncheckedIOException when the jar holding it cannot be opened
   */
  public static StaticFilesOptions.Builder classpath(ClassLoader loader, String directory) {
    return alias(ClasspathDirectory.find(loader, directory));
  }

  /**
   * The handler for {@code options}.
   *
   * @throws UncheckedIOException when the directory does not exist or is not a directory
   */
  public static StaticFiles of(StaticFilesOptions options) {
    return new StaticFiles(options, Clock.systemUTC());
  }

  static StaticFiles of(StaticFilesOptions options, Clock clock) {
    return new StaticFiles(options, clock);
  }

  /** The options this handler was built with. */
  public StaticFilesOptions options() {
    return options;
  }

  @Override
  public void handle(Request request, Response response) throws IOException {
    String method = request.method().name();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      response.status(405).header("Allow", ALLOW).text("405 Method Not Allowed\n");
      return;
    }
    String rawPath = RequestPaths.rawPath(request.target());
    String relative = options.alias() ? RequestPaths.wildcardOr(request) : request.path();
    Resolution resolution = resolver.resolve(rawPath, relative);
    switch (resolution) {
      case Resolution.RegularFile file -> serveFile(request, response, file, head);
      case Resolution.Directory directory -> listDirectory(request, response, directory.path(), relative);
      case Resolution.NeedsTrailingSlash ignored -> {
        String query = request.rawQuery();
        // collapse leading slashes: "//host/" in Location would send the browser to another host
        String path = rawPath.replaceFirst("^/+", "/");
        response.redirect(path + "/" + (query.isEmpty() ? "" : "?" + query), 301);
      }
      case Resolution.NotFound ignored -> response.status(404).text("404 Not Found\n");
      case Resolution.Forbidden ignored -> response.status(403).text("403 Forbidden\n");
      case Resolution.BadPath bad -> response.status(400).text("400 Bad Request: " + bad.reason() + "\n");
    }
  }

  private void listDirectory(Request request, Response response, Path directory, String relative)
      throws IOException {
    if (!options.autoindex()) {
      response.status(403).text("403 Forbidden\n");
      return;
    }
    boolean atMountRoot = relative.isEmpty() || relative.equals("/");
    String listing;
    try {
      listing = DirectoryListing.render(directory, request.path(), options.hiddenFiles(), atMountRoot);
    } catch (AccessDeniedException e) {
      response.status(403).text("403 Forbidden\n"); // searchable but not readable, like nginx
      return;
    }
    response.html(listing);
  }

  private void serveFile(Request request, Response response, Resolution.RegularFile file, boolean head) {
    Instant now = clock.instant();
    Validators.Entry validators = this.validators.of(file.path(), file.attributes(), now);
    long size = validators.size();
    String etag = validators.etag();
    Instant lastModified = validators.lastModified();
    String contentType = validators.contentType();

    response.header("ETag", etag).header("Last-Modified", validators.lastModifiedText());
    Preconditions conditions = new Preconditions(
        joined(request, "If-Match"), request.header("If-Unmodified-Since"),
        joined(request, "If-None-Match"), request.header("If-Modified-Since"), request.header("If-Range"));
    switch (conditions.evaluate(true, etag, lastModified, StaticFiles::parseDate)) {
      case NOT_MODIFIED -> {
        addCaching(response, now); // RFC 9110 §15.4.5: a 304 carries what the 200 would
        response.status(304);
        return;
      }
      case PRECONDITION_FAILED -> {
        response.status(412).text("412 Precondition Failed\n");
        return;
      }
      case PROCEED -> { }
    }
    response.header("Accept-Ranges", "bytes");
    // RFC 9110 §14.2: range handling is defined for GET only; If-Range may veto it
    String rangeHeader = head || !conditions.rangeAllowed(etag, lastModified, StaticFiles::parseDate)
        ? null : request.header("Range");
    RangeRequest ranges = RangeRequest.parse(rangeHeader, size, options.maxRanges());
    if (!(ranges instanceof RangeRequest.Unsatisfiable)) {
      addCaching(response, now);
    }
    switch (ranges) {
      case RangeRequest.Whole whole -> sendRange(response.contentType(contentType), file, head, 0, size);
      case RangeRequest.Unsatisfiable unsatisfiable -> response.status(416)
          .header("Content-Range", "bytes */" + size).text("416 Range Not Satisfiable\n");
      case RangeRequest.Partial partial when partial.ranges().size() == 1 -> {
        ByteRange range = partial.ranges().get(0);
        response.status(206).contentType(contentType).header("Content-Range", range.contentRange(size));
        sendRange(response, file, false, range.first(), range.length());
      }
      case RangeRequest.Partial partial -> sendParts(response, file.path(), contentType, size, partial.ranges());
    }
  }

  /**
   * Sends {@code length} bytes of the file from {@code first}: from memory when the file is small
   * enough to keep (one write, no open per request), zero-copy from a file on disk, else streamed.
   */
  private void sendRange(Response response, Resolution.RegularFile file, boolean head, long first, long length) {
    byte[] kept = head ? null : smallFiles.bytes(file.path(), file.attributes());
    if (kept != null && first == 0 && length == kept.length) {
      response.body(kept);
    } else if (kept != null) {
      response.body(length, out -> out.write(kept, (int) first, (int) length));
    } else if (onDisk) {
      response.file(file.path(), first, length);
    } else {
      response.body(length, out -> {
        try (InputStream in = Files.newInputStream(file.path())) {
          in.skipNBytes(first);
          copy(in, length, out);
        }
      });
    }
  }

  /** Copies exactly {@code length} bytes; throws {@link EOFException} when {@code in} has fewer. */
  private static void copy(InputStream in, long length, OutputStream out) throws IOException {
    byte[] buffer = new byte[(int) Math.min(16 * 1024, length)];
    for (long remaining = length; remaining > 0; ) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        throw new EOFException("file shorter than the response promised");
      }
      out.write(buffer, 0, read);
      remaining -= read;
    }
  }

  private static void sendParts(
      Response response, Path path, String contentType, long size, List<ByteRange> ranges) {
    MultipartByteranges parts = new MultipartByteranges(contentType, size, ranges);
    response.status(206).contentType(parts.contentType()).body(parts.contentLength(), out -> {
      try (SeekableByteChannel channel = Files.newByteChannel(path)) {
        parts.writeTo(channel, out);
      }
    });
  }

  /** All values of a list-valued field, joined as one list (RFC 9110 §5.3), or null when absent. */
  private static String joined(Request request, String name) {
    List<String> values = request.headers().values(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static Instant parseDate(String value) {
    return HttpDates.parse(value).orElse(null);
  }

  private void addCaching(Response response, Instant now) {
    if (options.expires() != null) {
      long seconds = options.expires().toSeconds();
      response.header("Expires", HttpDates.format(now.plusSeconds(seconds)));
      if (options.cacheControl() == null) {
        response.header("Cache-Control", seconds < 0 ? "no-cache" : "max-age=" + seconds);
      }
    }
    if (options.cacheControl() != null) {
      response.header("Cache-Control", options.cacheControl());
    }
  }
}
