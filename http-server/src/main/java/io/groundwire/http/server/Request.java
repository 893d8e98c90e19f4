package io.groundwire.http.server;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.Method;
import io.groundwire.http.QueryParameters;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: the head is parsed, the body is read lazily.
 *
 * <p>Belongs to the connection's thread and is valid only while the handler runs.
 */
public interface Request {
  /** The request method, for example {@code GET}. A HEAD request routed to a GET route still says HEAD. */
  Method method();

  /** The request target exactly as received, for example {@code /a%20b?x=1}. */
  String target();

  /** The percent-decoded path of the target without the query, for example {@code /a b}. */
  String path();

  /** The raw (still percent-encoded) query string without the {@code ?}, or "" when there is none. */
  String rawQuery();

  /**
   * The decoded query parameters, parsed on first use.
   *
   * @throws IllegalArgumentException when the query is malformed; if the handler lets it escape,
   *     the server answers 400
   */
  QueryParameters query();

  /** The first value of query parameter {@code name}, or null when absent; fails as {@link #query()}. */
  String queryParam(String name);

  /** The protocol version of the request. */
  HttpVersion version();

  /** The request header fields in received order. */
  Headers headers();

  /** The first value of header {@code name} (case-insensitive), or null when absent. */
  String header(String name);

  /** The address of the peer that sent the request. */
  InetSocketAddress remoteAddress();

  /** The local address the request arrived on. */
  InetSocketAddress localAddress();

  /** Whether the request arrived over TLS. */
  boolean secure();

  /**
   * The value of path parameter {@code name} from the route pattern ({@code /users/{id}} gives
   * {@code "id"}), percent-decoded; {@code "*"} gives the remainder matched by a trailing wildcard,
   * without its leading slash ("" when nothing remains).
   *
   * @throws IllegalArgumentException when the matched route has no such parameter
   */
  String pathParam(String name);

  /** The declared body length, -1 when the body is chunked, 0 when there is none. */
  long contentLength();

  /** The Content-Type header, or null when absent. */
  String contentType();

  /**
   * The body as a stream, read lazily from the connection. The first read sends {@code 100 Continue}
   * when the client asked for it. Reading past the body limit fails with an
   * {@link io.groundwire.http.HttpProtocolException} carrying 413; a malformed chunked body, or one
   * the client stopped sending before its end (end of stream, reset), with 400; a too slow client
   * with 408. A handler that lets any of them escape answers with that status, and the connection
   * closes. Returns the same stream on every call.
   */
  InputStream body();

  /**
   * Reads the whole body, at most the configured body limit.
   *
   * @throws io.groundwire.http.HttpProtocolException 413 when the body is larger than the limit,
   *     400 when it is malformed or ends early, 408 when the client is too slow
   * @throws IOException when the connection fails otherwise
   */
  byte[] bodyAsBytes() throws IOException;

  /**
   * Reads the whole body as text in the charset of its Content-Type (UTF-8 when none is given).
   *
   * @throws IOException as {@link #bodyAsBytes()}
   */
  String bodyAsString() throws IOException;

  /**
   * Reads the whole body as text in {@code charset}.
   *
   * @throws IOException as {@link #bodyAsBytes()}
   */
  String bodyAsString(Charset charset) throws IOException;

  /**
   * The fields of an {@code application/x-www-form-urlencoded} body (read whole on the first call,
   * within the body limit, and kept); an empty set for any other content type.
   *
   * @throws IOException as {@link #bodyAsBytes()}, or 400 when the form is malformed
   */
  QueryParameters formParams() throws IOException;

  /**
   * Streams a {@code multipart/form-data} body part by part, without holding it in memory.
   *
   * @throws io.groundwire.http.HttpProtocolException 415 when the body is not multipart or has no
   *     boundary
   */
  MultipartReader multipart() throws IOException;

  /** The value stored under {@code name} by an earlier filter or handler. */
  <T> Optional<T> attribute(String name);

  /** Stores {@code value} under {@code name} for later filters and handlers of this request. */
  void attribute(String name, Object value);
}
