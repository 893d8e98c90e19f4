package io.groundwire.benchmarks.peers;

import java.nio.charset.StandardCharsets;

/** The response body every hello peer sends for {@code GET /}. */
final class Hello {
  static final String TEXT = "Hello, World!";
  static final byte[] BYTES = TEXT.getBytes(StandardCharsets.US_ASCII);
  static final String CONTENT_TYPE = "text/plain";

  private Hello() {}
}
