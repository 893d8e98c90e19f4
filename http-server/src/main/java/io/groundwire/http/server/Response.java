package io.groundwire.http.server;

import io.groundwire.http.Status;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The response a handler fills in. Nothing is sent until the handler (and the after filters) return;
 * then the connection writes the status line, the headers, {@code Date}, {@code Server}, the framing
 * header ({@code Content-Length} when the size is known, chunked otherwise) and the body. Setting a
 * body again replaces the earlier one. A response to HEAD never carries a body but keeps the
 * Content-Length a GET would get.
 *
 * <p>Methods return this response so calls can be chained: {@code res.status(201).text("made")}.
 */
public interface Response {
  /**
   * Sets the status code.
   *
   * @throws IllegalArgumentException when it is not within 200..599 (1xx responses are the server's)
   */
  Response status(int code);

  /**
   * Sets the status code and reason phrase.
   *
   * @throws IllegalArgumentException as {@link #status(int)}
   */
  Response status(Status status);

  /** The status code set so far (200 by default). */
  int status();

  /**
   * Sets header {@code name} to {@code value}, replacing earlier values.
   *
   * @throws IllegalArgumentException when the name is not a token or the value contains CR, LF or
   *     other control characters, or when it names a framing header the server owns
   *     ({@code Content-Length}, {@code Transfer-Encoding})
   */
  Response header(String name, String value);

  /**
   * Adds a value to header {@code name}, keeping earlier ones.
   *
   * @throws IllegalArgumentException as {@link #header(String, String)}
   */
  Response addHeader(String name, String value);

  /** The first value of header {@code name} set so far, or null. */
  String header(String name);

  /** Removes every value of header {@code name}. */
  Response removeHeader(String name);

  /** Sets the Content-Type header. */
  Response contentType(String mediaType);

  /** Sends {@code bytes} as the body with a Content-Length. */
  Response body(byte[] bytes);

  /** Sends {@code text} as {@code text/plain; charset=utf-8} unless a Content-Type was set. */
  Response text(String text);

  /** Sends {@code text} encoded in {@code charset}, as {@code text/plain} unless a Content-Type was set. */
  Response text(String text, Charset charset);

  /** Sends {@code html} as {@code text/html; charset=utf-8}. */
  Response html(String html);

  /**
   * Streams {@code in} as the body, then closes it: with a Content-Length when {@code length >= 0},
   * chunked (HTTP/1.1) or close-delimited (HTTP/1.0) when it is -1.
   */
  Response stream(InputStream in, long length);

  /**
   * Sends {@code length} bytes of {@code file} starting at {@code offset}, zero-copy from the file
   * to the socket when the connection is plain TCP. The file is opened when the response is written:
   * if it cannot be opened the client gets 500 instead; if it turns out shorter than promised after
   * bytes were sent, the connection is closed.
   *
   * @throws IllegalArgumentException when offset or length is negative
   */
  Response file(Path file, long offset, long length);

  /**
   * Sends a body produced by {@code writer} when the response is written: with a Content-Length
   * when {@code length >= 0} (the writer must write exactly that many bytes, or the connection is
   * closed), chunked or close-delimited when it is -1. For HEAD the writer is not called.
   */
  Response body(long length, BodyWriter writer);

  /** Answers with {@code status} (a 3xx code) and a Location header. */
  Response redirect(String location, int status);

  /** Whether a body has been set. */
  boolean hasBody();

  /** Asks the server to close the connection after this response ({@code Connection: close}). */
  Response closeConnection();
}
