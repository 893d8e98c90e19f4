package io.groundwire.http.client;

import io.groundwire.http.internal.Syntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The content of a request: its media type, its length if known, and how to write it. Bodies from
 * bytes, strings and files can be written again (for a retry or a 307/308 redirect); a body from
 * an {@link InputStream} is one-shot and is never replayed. A body of unknown length is sent with
 * chunked transfer coding.
 */
public abstract class RequestBody {
  /** The {@code Content-Type} value, or {@code null} to send none. */
  public abstract String contentType();

  /** The length in bytes, or {@code -1} when unknown (the body is then sent chunked). */
  public abstract long contentLength();

  /** Writes the whole body to {@code sink}; fails with the sink's or the source's IOException. */
  public abstract void writeTo(BufferedSink sink) throws IOException;

  /** True when the body can be written only once (a stream); such a body is never replayed. */
  public boolean isOneShot() {
    return false;
  }

  /**
   * A body holding {@code bytes} (not copied: do not change the array afterwards).
   *
   * @throws IllegalArgumentException when {@code contentType} holds a character a field value may
   *     not (CR, LF, NUL); so do the other factories
   */
  public static RequestBody of(byte[] bytes, String contentType) {
    checkContentType(contentType);
    return new RequestBody() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }

      @Override
      public String toString() {
        return "RequestBody(" + bytes.length + " bytes)";
      }
    };
  }

  /**
   * A body holding {@code text} encoded in the charset named by {@code contentType} (UTF-8 when
   * it names none, and then {@code ;charset=utf-8} is not added).
   */
  public static RequestBody of(String text, String contentType) {
    Charset charset = StandardCharsets.UTF_8;
    if (contentType != null) {
      int at = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        String name = contentType.substring(at + 8).split(";", 2)[0].strip().replace("\"", "");
        charset = Charset.forName(name);
      }
    }
    return of(text.getBytes(charset), contentType);
  }

  /**
   * A body streamed from {@code file} when written, never loaded into memory; replayable.
   *
   * @throws UncheckedIOException when the file's size cannot be read (e.g. it does not exist)
   */
  public static RequestBody ofFile(Path file, String contentType) {
    checkContentType(contentType);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RequestBody() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return size;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(file)) {
          long written = sink.writeAll(source);
          if (written != size) {
            throw new IOException(file + " changed size while being sent: " + written + " bytes, expected " + size);
          }
        }
      }
    };
  }

  /**
   * A one-shot body read from {@code stream} while it is sent, then closed. With
   * {@code contentLength} -1 it is sent chunked; otherwise exactly that many bytes are expected.
   */
  public static RequestBody ofStream(InputStream stream, long contentLength, String contentType) {
    checkContentType(contentType);
    return new RequestBody() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(stream)) {
          sink.writeAll(source);
        }
      }
    };
  }

  private static void checkContentType(String contentType) {
    if (contentType != null) {
      Syntax.checkFieldValue("Content-Type", contentType);
    }
  }
}
