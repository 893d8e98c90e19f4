package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpVersion;

/** RFC 9112 §9.3: whether a connection persists after a message. */
final class Persistence {
  private Persistence() {}

  static boolean keepAlive(HttpVersion version, Headers headers) {
    if (headers.hasToken("Connection", "close")) return false;
    return version == HttpVersion.HTTP_1_1 || headers.hasToken("Connection", "keep-alive");
  }
}
