package io.groundwire.http.server.internal;

/**
 * A part of the request a handler asked for lazily (the query) turned out malformed; the exchange
 * answers it with 400 rather than 500. Unchecked, because {@code Request#query()} declares nothing.
 */
final class MalformedRequest extends IllegalArgumentException {
  MalformedRequest(String message, Throwable cause) {
    super(message, cause);
  }
}
