package io.groundwire.http.server.internal;

import io.groundwire.http.PercentEncoding;

/** Percent-decoding of matched path pieces, through http-core's strict {@link PercentEncoding}. */
final class Paths {
  private Paths() {}

  /**
   * Decodes one raw path segment.
   *
   * @throws IllegalArgumentException when an escape is malformed, invalid UTF-8 or %00
   */
  static String decodeSegment(String raw) {
    return raw.indexOf('%') < 0 ? raw : PercentEncoding.decodePathSegment(raw);
  }

  /**
   * Decodes a raw path remainder that may contain '/'.
   *
   * @throws IllegalArgumentException when an escape is malformed, invalid UTF-8, %00 or %2F
   */
  static String decodePath(String raw) {
    return raw.indexOf('%') < 0 ? raw : PercentEncoding.decodePath(raw);
  }
}
