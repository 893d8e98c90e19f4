package io.groundwire.http.server.internal;

import io.groundwire.http.Status;
import io.groundwire.http.server.BodyWriter;
import io.groundwire.http.server.Response;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;

/** The response a handler fills in; the connection's {@link ResponseWriter} sends it afterwards. */
final class ResponseImpl implements Response {
  enum Kind { NONE, BYTES, STREAM, FILE, WRITER }

  private static final String TEXT_UTF_8 = "text/plain; charset=utf-8";

  Status status = Status.OK;
  final ArrayList<String> headers = new ArrayList<>(4); // name, value, name, value...
  Kind kind = Kind.NONE;
  byte[] bytes;
  InputStream stream;
  Path file;
  long offset;
  long length = -1;
  BodyWriter writer;
  boolean closeRequested;

  /** Forgets status, headers and body, for an error response after a handler failed. */
  void reset() {
    status = Status.OK;
    headers.clear();
    kind = Kind.NONE;
    bytes = null;
    if (stream != null) {
      try {
        stream.close();
      } catch (Exception ignored) {
        // dropping it anyway
      }
    }
    stream = null;
    file = null;
    writer = null;
    length = -1;
  }

  @Override
  public Response status(int code) {
    return status(Status.of(code));
  }

  @Override
  public Response status(Status status) {
    int code = status.code();
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("a handler cannot answer with status " + code);
    }
    this.status = status;
    return this;
  }

  @Override
  public int status() {
    return status.code();
  }

  @Override
  public Response header(String name, String value) {
    removeHeader(name);
    return addHeader(name, value);
  }

  @Override
  public Response addHeader(String name, String value) {
    Objects.requireNonNull(value, "value");
    if (!Tokens.isToken(name)) throw new IllegalArgumentException("not a header name: " + name);
    if (!Tokens.isFieldValue(value)) throw new IllegalArgumentException("invalid value for header " + name);
    if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
      throw new IllegalArgumentException(name + " is set by the server from the body");
    }
    if (name.equalsIgnoreCase("Connection")) {
      // RFC 9110 §7.6.1: the only connection option we act on is "close".
      if (value.toLowerCase(java.util.Locale.ROOT).contains("close")) closeRequested = true;
      return this;
    }
    headers.add(name);
    headers.add(value.strip());
    return this;
  }

  @Override
  public String header(String name) {
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equalsIgnoreCase(name)) return headers.get(i + 1);
    }
    return null;
  }

  @Override
  public Response removeHeader(String name) {
    for (int i = headers.size() - 2; i >= 0; i -= 2) {
      if (headers.get(i).equalsIgnoreCase(name)) {
        headers.remove(i + 1);
        headers.remove(i);
      }
    }
    return this;
  }

  @Override
  public Response contentType(String mediaType) {
    return header("Content-Type", mediaType);
  }

  @Override
  public Response body(byte[] bytes) {
    reset(Kind.BYTES);
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.length = bytes.length;
    return this;
  }

  @Override
  public Response text(String text) {
    if (header("Content-Type") == null) {
      headers.add("Content-Type");
      headers.add(TEXT_UTF_8);
    }
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Response text(String text, Charset charset) {
    if (header("Content-Type") == null) contentType("text/plain; charset=" + charset.name().toLowerCase(java.util.Locale.ROOT));
    return body(text.getBytes(charset));
  }

  @Override
  public Response html(String html) {
    contentType("text/html; charset=utf-8");
    return body(html.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Response stream(InputStream in, long length) {
    if (length < -1) throw new IllegalArgumentException("length must be >= -1: " + length);
    reset(Kind.STREAM);
    this.stream = Objects.requireNonNull(in, "in");
    this.length = length;
    return this;
  }

  @Override
  public Response file(Path file, long offset, long length) {
    if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must be >= 0");
    reset(Kind.FILE);
    this.file = Objects.requireNonNull(file, "file");
    this.offset = offset;
    this.length = length;
    return this;
  }

  @Override
  public Response body(long length, BodyWriter writer) {
    if (length < -1) throw new IllegalArgumentException("length must be >= -1: " + length);
    reset(Kind.WRITER);
    this.writer = Objects.requireNonNull(writer, "writer");
    this.length = length;
    return this;
  }

  @Override
  public Response redirect(String location, int status) {
    if (status < 300 || status > 399) throw new IllegalArgumentException("not a redirect status: " + status);
    status(status);
    header("Location", location);
    return text(StatusLines.reason(status));
  }

  @Override
  public boolean hasBody() {
    return kind != Kind.NONE;
  }

  @Override
  public Response closeConnection() {
    closeRequested = true;
    return this;
  }

  private void reset(Kind next) {
    if (stream != null) {
      try {
        stream.close();
      } catch (Exception ignored) {
        // replaced by another body
      }
    }
    kind = next;
    bytes = null;
    stream = null;
    file = null;
    writer = null;
    length = -1;
  }
}
