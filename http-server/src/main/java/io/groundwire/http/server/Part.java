package io.groundwire.http.server;

import io.groundwire.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One part of a {@code multipart/form-data} body: its header fields and a stream of its content,
 * valid until {@link MultipartReader#next()} is called again.
 */
public interface Part {
  /** The part's header fields, for example {@code Content-Disposition} and {@code Content-Type}. */
  Headers headers();

  /** The {@code name} parameter of its Content-Disposition, or null. */
  String name();

  /** The {@code filename} parameter of its Content-Disposition, or null when it is not a file. */
  String filename();

  /** Its Content-Type, or {@code text/plain} when absent (RFC 7578 §4.4). */
  String contentType();

  /** The part's content, streamed from the connection. */
  InputStream body();

  /**
   * Reads the whole content as UTF-8 text; meant for small form fields.
   *
   * @throws IOException as {@link MultipartReader#next()}
   */
  default String bodyAsString() throws IOException {
    return new String(body().readAllBytes(), StandardCharsets.UTF_8);
  }
}
