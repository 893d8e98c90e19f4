package io.groundwire.http.server.staticfiles.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a directory as an HTML page like nginx's {@code autoindex}: one link per entry,
 * directories first and marked with a slash, each with its modification time (UTC) and size.
 * Names are HTML-escaped in the text and percent-encoded in the links.
 */
public final class DirectoryListing {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private DirectoryListing() {}

  private record Entry(String name, boolean directory, BasicFileAttributes attributes) {}

  /**
   * The page for {@code directory}, titled with the decoded {@code requestPath}; hidden entries are
   * left out unless {@code showHidden}, and so are names no request could reach (see
   * {@link FileResolver#isReachableName}); a link to the parent is shown unless {@code atMountRoot}.
   * Throws {@link IOException} when the directory cannot be read.
   */
  public static String render(Path directory, String requestPath, boolean showHidden, boolean atMountRoot)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        if ((name.startsWith(".") && !showHidden) || !FileResolver.isReachableName(name)) {
          continue; // hidden, or a name no request could reach: a link to it would only fail
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(child, BasicFileAttributes.class);
        } catch (IOException e) {
          continue; // a dangling link or an entry removed meanwhile
        }
        entries.add(new Entry(name, attributes.isDirectory(), attributes));
      }
    }
    entries.sort(Comparator.comparing((Entry e) -> !e.directory()).thenComparing(Entry::name));
    String title = "Index of " + Html.escape(requestPath);
    StringBuilder page = new StringBuilder(256 + entries.size() * 160);
    page.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(title)
        .append("</title>\n<style>body{font-family:monospace}td{padding:0 1em}td.size{text-align:right}</style>\n")
        .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n<table>\n");
    if (!atMountRoot) {
      page.append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>\n");
    }
    for (Entry entry : entries) {
      String display = entry.name() + (entry.directory() ? "/" : "");
      page.append("<tr><td><a href=\"").append(encodeSegment(entry.name()))
          .append(entry.directory() ? "/" : "").append("\">").append(Html.escape(display))
          .append("</a></td><td>").append(TIME.format(entry.attributes().lastModifiedTime().toInstant()))
          .append("</td><td class=\"size\">").append(entry.directory() ? "-" : entry.attributes().size())
          .append("</td></tr>\n");
    }
    page.append("</table>\n</body>\n</html>\n");
    return page.toString();
  }

  /** Percent-encodes a path segment: everything but RFC 3986 unreserved characters, as UTF-8. */
  static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder(segment.length() + 16);
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
