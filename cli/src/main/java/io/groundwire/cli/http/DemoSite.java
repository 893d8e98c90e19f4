package io.groundwire.cli.http;

import io.groundwire.http.QueryParameters;
import io.groundwire.http.server.MultipartReader;
import io.groundwire.http.server.Part;
import io.groundwire.http.server.Request;
import io.groundwire.http.server.Response;
import io.groundwire.http.server.Router;
import io.groundwire.http.server.staticfiles.StaticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The seed's demo site, served from the jar: a page ({@code GET /}) with an {@code <img>} of a JPEG
 * ({@code GET /groundwire.jpg}) and forms that post to {@code POST /form}, which answers with a
 * page showing the submitted fields, HTML-escaped ({@code application/x-www-form-urlencoded}, or
 * {@code multipart/form-data} where files are streamed and only their name, type and size shown). {@code groundwire http-server} (without
 * {@code --root}) and {@code groundwire demo} serve it.
 */
public final class DemoSite {
  /** The path of the demo's picture. */
  public static final String IMAGE_PATH = "/groundwire.jpg";
  private static final String RESOURCES = "io/groundwire/cli/http/demo";

  private final byte[] page;
  private final byte[] image;

  private DemoSite(byte[] page, byte[] image) {
    this.page = page;
    this.image = image;
  }

  /**
   * Loads the page and picture from the jar.
   *
   * @throws UncheckedIOException when a resource is missing (a broken build)
   */
  public static DemoSite load() {
    return new DemoSite(resource("index.html"), resource("groundwire.jpg"));
  }

  /** The page's bytes as served. */
  public byte[] page() {
    return page.clone();
  }

  /** The JPEG's bytes as served. */
  public byte[] image() {
    return image.clone();
  }

  /**
   * Adds the demo's routes ({@code GET /}, {@code GET /groundwire.jpg}, {@code GET|POST /form}).
   * The page and picture are served from the jar as static files: with validators, so a reload
   * gets 304, and byte ranges.
   */
  public Router.Builder addRoutes(Router.Builder router) {
    StaticFiles files = StaticFiles.classpath(DemoSite.class.getClassLoader(), RESOURCES).build();
    return router
        .get("/", files)
        .get("/index.html", files)
        .get(IMAGE_PATH, files)
        .get("/form", (req, res) -> res.redirect("/", 303))
        .post("/form", DemoSite::showForm);
  }

  /** A router with only the demo's routes. */
  public Router router() {
    return addRoutes(Router.builder()).build();
  }

  private static void showForm(Request request, Response response) throws IOException {
    StringBuilder rows = new StringBuilder();
    String contentType = request.contentType();
    if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      MultipartReader parts = request.multipart();
      for (Part part; (part = parts.next()) != null; ) {
        String name = part.name() == null ? "(unnamed)" : part.name();
        if (part.filename() != null) {
          // a file is counted as it streams past, never held in memory
          long size = part.body().transferTo(OutputStream.nullOutputStream());
          addRow(rows, name, "file " + part.filename() + " (" + part.contentType() + ", " + size + " bytes)");
        } else {
          addRow(rows, name, part.bodyAsString());
        }
      }
    } else {
      QueryParameters fields = request.formParams();
      for (int i = 0; i < fields.size(); i++) {
        addRow(rows, fields.name(i), fields.value(i));
      }
    }
    if (rows.isEmpty()) {
      rows.append("<tr><td colspan=\"2\">(no fields were sent)</td></tr>\n");
    }
    response.html("""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>What you sent</title>
        <style>body{font-family:sans-serif;max-width:42em;margin:2em auto}th{text-align:left;padding-right:1em}\
        pre{margin:0;white-space:pre-wrap}</style></head>
        <body>
        <h1>What you sent</h1>
        <table>
        %s</table>
        <p><a href="/">Back</a></p>
        </body>
        </html>
        """.formatted(rows));
  }

  private static void addRow(StringBuilder rows, String name, String value) {
    rows.append("<tr><th>").append(escape(name)).append("</th><td><pre>")
        .append(escape(value)).append("</pre></td></tr>\n");
  }

  /** Escapes {@code & < > " '} for HTML text and quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(RESOURCES + "/" + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("demo resource missing from the jar: " + name));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
