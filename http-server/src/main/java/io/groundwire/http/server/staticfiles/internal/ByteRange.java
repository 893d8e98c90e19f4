package io.groundwire.http.server.staticfiles.internal;

/**
 * One satisfiable byte range of a representation, both ends inclusive as on the wire
 * ({@code bytes first-last/length}).
 */
public record ByteRange(long first, long last) {
  /** Throws {@link IllegalArgumentException} unless {@code 0 <= first <= last}. */
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
    }
  }

  /** The number of bytes in the range. */
  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value for this range of a representation of {@code completeLength}. */
  public String contentRange(long completeLength) {
    return "bytes " + first + "-" + last + "/" + completeLength;
  }
}
