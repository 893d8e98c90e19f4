package io.groundwire.http.server.staticfiles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps file-name extensions to the {@code Content-Type} a file is served with, like nginx's
 * {@code mime.types}. Text types ({@code text/*}) carry {@code ; charset=utf-8}. Lookups ignore the
 * extension's case; a name without a known extension gets {@value #DEFAULT_TYPE}.
 *
 * <p>Immutable. Start from {@link #defaults()} and add or override mappings with {@link #with}.
 */
public final class MimeTypes {
  /** The type of a file whose extension is unknown, like nginx's {@code default_type}. */
  public static final String DEFAULT_TYPE = "application/octet-stream";

  private static final MimeTypes DEFAULTS = new MimeTypes(defaultTable());

  private final Map<String, String> byExtension;

  private MimeTypes(Map<String, String> byExtension) {
    this.byExtension = Map.copyOf(byExtension);
  }

  /** The built-in table: web pages, styles, scripts, JSON, images, fonts, media, archives. */
  public static MimeTypes defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that maps {@code extension} (without the dot, any case) to {@code contentType},
   * used verbatim; throws {@link IllegalArgumentException} for an empty extension or one with a dot.
   */
  public MimeTypes with(String extension, String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    String key = extension.toLowerCase(Locale.ROOT);
    if (key.isEmpty() || key.contains(".") || key.contains("/")) {
      throw new IllegalArgumentException("not a file extension: '" + extension + "'");
    }
    Map<String, String> copy = new HashMap<>(byExtension);
    copy.put(key, contentType);
    return new MimeTypes(copy);
  }

  /** The {@code Content-Type} for a file named {@code fileName}, or {@value #DEFAULT_TYPE}. */
  public String forFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return DEFAULT_TYPE;
    }
    String type = byExtension.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    return type != null ? type : DEFAULT_TYPE;
  }

  private static Map<String, String> defaultTable() {
    Map<String, String> t = new HashMap<>();
    text(t, "text/html", "html", "htm", "shtml");
    text(t, "text/css", "css");
    text(t, "text/javascript", "js", "mjs");
    text(t, "text/plain", "txt", "text", "log", "conf", "ini");
    text(t, "text/markdown", "md", "markdown");
    text(t, "text/csv", "csv");
    text(t, "text/xml", "xml");
    text(t, "text/calendar", "ics");
    text(t, "text/vtt", "vtt");
    put(t, "application/json", "json", "map");
    put(t, "application/ld+json", "jsonld");
    put(t, "application/manifest+json", "webmanifest");
    put(t, "application/wasm", "wasm");
    put(t, "application/pdf", "pdf");
    put(t, "application/zip", "zip");
    put(t, "application/gzip", "gz", "tgz");
    put(t, "application/x-tar", "tar");
    put(t, "application/x-7z-compressed", "7z");
    put(t, "application/rss+xml", "rss");
    put(t, "application/atom+xml", "atom");
    put(t, "application/xhtml+xml", "xhtml");
    put(t, "application/java-archive", "jar");
    put(t, "image/jpeg", "jpg", "jpeg", "jfif");
    put(t, "image/png", "png");
    put(t, "image/gif", "gif");
    put(t, "image/webp", "webp");
    put(t, "image/avif", "avif");
    put(t, "image/svg+xml", "svg", "svgz");
    put(t, "image/x-icon", "ico");
    put(t, "image/bmp", "bmp");
    put(t, "image/tiff", "tif", "tiff");
    put(t, "font/woff", "woff");
    put(t, "font/woff2", "woff2");
    put(t, "font/ttf", "ttf");
    put(t, "font/otf", "otf");
    put(t, "application/vnd.ms-fontobject", "eot");
    put(t, "audio/mpeg", "mp3");
    put(t, "audio/ogg", "ogg", "oga");
    put(t, "audio/wav", "wav");
    put(t, "audio/flac", "flac");
    put(t, "audio/aac", "aac");
    put(t, "video/mp4", "mp4", "m4v");
    put(t, "video/webm", "webm");
    put(t, "video/ogg", "ogv");
    put(t, "video/quicktime", "mov");
    put(t, "video/mp2t", "ts");
    put(t, "application/vnd.apple.mpegurl", "m3u8");
    return t;
  }

  private static void text(Map<String, String> table, String type, String... extensions) {
    put(table, type + "; charset=utf-8", extensions);
  }

  private static void put(Map<String, String> table, String type, String... extensions) {
    for (String extension : extensions) {
      table.put(extension, type);
    }
  }
}
