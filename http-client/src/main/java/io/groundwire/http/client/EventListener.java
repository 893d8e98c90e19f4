package io.groundwire.http.client;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Callbacks for each phase of a call, for metrics and logs. Every method has a no-op default, so an
 * implementation overrides only what it needs. Methods run on the calling thread, in the order of
 * the phases; they must be quick and must not throw (an exception fails the call).
 * One listener is shared by all calls of a client, so implementations must be thread-safe.
 */
public interface EventListener {
  /** A listener that does nothing; the default. */
  EventListener NONE = new EventListener() {};

  /** The call started (before any connection is chosen). */
  default void callStart(Request request) {}

  /** A new TCP connection is being opened. */
  default void connectStart(Request request, InetSocketAddress address) {}

  /** The TLS handshake started on a new connection. */
  default void secureConnectStart(Request request) {}

  /** The TLS handshake finished; {@code protocol} is e.g. {@code TLSv1.3}. */
  default void secureConnectEnd(Request request, String protocol) {}

  /** A new connection is ready to carry requests. */
  default void connectEnd(Request request, InetSocketAddress address) {}

  /** Opening a new connection failed. */
  default void connectFailed(Request request, InetSocketAddress address, IOException failure) {}

  /** A pooled connection was taken for this request ({@code reused} is false for a new one). */
  default void connectionAcquired(Request request, boolean reused) {}

  /** The request head was written (and flushed, unless a body follows in the same write). */
  default void requestHeadersSent(Request request) {}

  /**
   * The request head was written: {@code head} is exactly what went on the wire, the request line
   * and every field (those the client adds, such as {@code Host} and {@code User-Agent}, included)
   * and the empty line, each ending in CRLF. By default calls {@link #requestHeadersSent(Request)};
   * a listener that overrides this method replaces that call unless it makes it itself.
   */
  default void requestHeadersSent(Request request, String head) {
    requestHeadersSent(request);
  }

  /** The request body was completely written; {@code bytes} is its length. */
  default void requestBodySent(Request request, long bytes) {}

  /** The final (non-1xx) response head arrived. */
  default void responseHeadersReceived(Request request, Response response) {}

  /** The response body was read to its end; {@code bytes} counts bytes on the wire. */
  default void responseBodyEnd(Request request, long bytes) {}

  /** The request is retried on a fresh connection because a pooled one was found closed. */
  default void retry(Request request, IOException cause) {}

  /** A redirect is followed from {@code response} to {@code next}. */
  default void redirect(Response response, Request next) {}

  /** The call completed: a final response arrived (its body may still be read). */
  default void callEnd(Request request) {}

  /** The call failed with {@code failure}. */
  default void callFailed(Request request, IOException failure) {}
}
