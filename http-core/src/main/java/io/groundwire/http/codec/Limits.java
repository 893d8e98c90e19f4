package io.groundwire.http.codec;

/**
 * Size limits applied while reading messages, so a peer can never make us buffer without bound.
 * Each limit fails with its own status (see the accessors). The defaults match nginx's
 * ({@code large_client_header_buffers 4 8k}-like bounds).
 *
 * @param maxRequestLineLength longest request line (or status line), excluding its CRLF; default
 *     8 KiB; a longer request line fails with 414
 * @param maxHeaderSectionSize total bytes of all header field lines including their CRLFs and the
 *     final empty line; default 8 KiB; more fails with 431
 * @param maxHeaderCount most header field lines; default 100; more fails with 431
 * @param maxChunkExtensionSize total bytes of chunk extensions in one chunked body; default 16 KiB;
 *     more fails with 413 (guards against bodies made of tiny chunks with huge extensions)
 * @param maxTrailerSectionSize total bytes of a chunked body's trailer section; default 8 KiB;
 *     more fails with 431. Trailer field lines count against {@code maxHeaderCount} too.
 */
public record Limits(
    int maxRequestLineLength,
    int maxHeaderSectionSize,
    int maxHeaderCount,
    int maxChunkExtensionSize,
    int maxTrailerSectionSize) {

  /** The server-side defaults: 8 KiB line, 8 KiB header section, 100 fields, 16 KiB, 8 KiB. */
  public static final Limits DEFAULTS = new Limits(8192, 8192, 100, 16384, 8192);

  /**
   * Defaults for reading responses, which carry larger headers (cookies, CSPs): 8 KiB status
   * line, 256 KiB header section (as OkHttp), 1000 fields, 16 KiB of chunk extensions, 64 KiB of
   * trailers.
   */
  public static final Limits RESPONSE_DEFAULTS = new Limits(8192, 256 * 1024, 1000, 16384, 65536);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if any limit is not positive
   */
  public Limits {
    if (maxRequestLineLength <= 0
        || maxHeaderSectionSize <= 0
        || maxHeaderCount <= 0
        || maxChunkExtensionSize <= 0
        || maxTrailerSectionSize <= 0) {
      throw new IllegalArgumentException("limits must be positive: " + this);
    }
  }

  /** A builder starting from {@link #DEFAULTS}. */
  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Limits}; every setter takes a positive value. */
  public static final class Builder {
    private int maxRequestLineLength;
    private int maxHeaderSectionSize;
    private int maxHeaderCount;
    private int maxChunkExtensionSize;
    private int maxTrailerSectionSize;

    private Builder(Limits from) {
      maxRequestLineLength = from.maxRequestLineLength;
      maxHeaderSectionSize = from.maxHeaderSectionSize;
      maxHeaderCount = from.maxHeaderCount;
      maxChunkExtensionSize = from.maxChunkExtensionSize;
      maxTrailerSectionSize = from.maxTrailerSectionSize;
    }

    /** See {@link Limits#maxRequestLineLength()}. */
    public Builder maxRequestLineLength(int bytes) {
      maxRequestLineLength = bytes;
      return this;
    }

    /** See {@link Limits#maxHeaderSectionSize()}. */
    public Builder maxHeaderSectionSize(int bytes) {
      maxHeaderSectionSize = bytes;
      return this;
    }

    /** See {@link Limits#maxHeaderCount()}. */
    public Builder maxHeaderCount(int count) {
      maxHeaderCount = count;
      return this;
    }

    /** See {@link Limits#maxChunkExtensionSize()}. */
    public Builder maxChunkExtensionSize(int bytes) {
      maxChunkExtensionSize = bytes;
      return this;
    }

    /** See {@link Limits#maxTrailerSectionSize()}. */
    public Builder maxTrailerSectionSize(int bytes) {
      maxTrailerSectionSize = bytes;
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException if any limit is not positive
     */
    public Limits build() {
      return new Limits(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount,
          maxChunkExtensionSize, maxTrailerSectionSize);
    }
  }
}
