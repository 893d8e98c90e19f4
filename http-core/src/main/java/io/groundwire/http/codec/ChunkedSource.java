package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.internal.FieldLines;
import io.groundwire.http.internal.Syntax;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A body in the chunked transfer coding (RFC 9112 §7.1), decoded. Chunk extensions are parsed,
 * validated and bounded by {@link Limits#maxChunkExtensionSize()}; trailer fields are parsed with
 * the same strict rules as header fields and available from {@link #trailers()} once the body has
 * been read to its end. Reads stop exactly after the trailer section, so the next message stays in
 * the stream. Closing it does not close the underlying stream.
 *
 * <p>Failures: {@link HttpProtocolException} 400 for an invalid chunk size (not hex, negative,
 * overflowing), a malformed extension or a missing CRLF after chunk data; 413 when extensions
 * exceed their limit; 431 when trailers exceed theirs; {@link EOFException} when the stream ends
 * before the last chunk and trailers.
 */
public final class ChunkedSource implements Source {
  private static final int MAX_SIZE_DIGITS_LINE = 64;

  private final BufferedSource in;
  private final Limits limits;
  private long remainingInChunk;
  private boolean afterChunk;
  private boolean done;
  private boolean closed;
  private int extensionBudget;
  private List<String> extensions = List.of();
  private Headers trailers;

  /** A source decoding the chunked body at the start of {@code in} within {@code limits}. */
  public ChunkedSource(BufferedSource in, Limits limits) {
    this.in = Objects.requireNonNull(in, "in");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.extensionBudget = limits.maxChunkExtensionSize();
  }

  /**
   * Reads up to {@code byteCount} decoded body bytes into {@code sink}.
   *
   * @return the number of bytes read, or -1 after the last chunk and the trailers
   * @throws HttpProtocolException for malformed chunk framing (see the class description)
   * @throws EOFException if the stream ends before the body does
   * @throws IllegalStateException if this source was closed
   */
  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    if (done) return -1;
    if (remainingInChunk == 0) {
      if (afterChunk) readChunkEnd();
      long size = readChunkSize();
      if (size == 0) {
        readTrailers();
        done = true;
        return -1;
      }
      remainingInChunk = size;
      afterChunk = true;
    }
    long read = in.read(sink, Math.min(byteCount, remainingInChunk));
    if (read == -1) {
      throw new EOFException("stream ended with " + remainingInChunk + " bytes of a chunk missing");
    }
    remainingInChunk -= read;
    return read;
  }

  /** True once the last chunk and the trailers have been read. */
  public boolean isComplete() {
    return done;
  }

  /**
   * The trailer fields sent after the last chunk (often empty).
   *
   * @throws IllegalStateException if the body has not been read to its end yet
   */
  public Headers trailers() {
    if (!done) throw new IllegalStateException("trailers are available after the body was read");
    return trailers;
  }

  /**
   * The raw chunk extensions seen so far, one entry per chunk that had any, as sent after the size
   * (e.g. {@code ;name=value}). Bounded by {@link Limits#maxChunkExtensionSize()}.
   */
  public List<String> extensions() {
    return Collections.unmodifiableList(extensions);
  }

  private void readChunkEnd() throws IOException {
    if (!in.request(2)) throw new EOFException("stream ended before the CRLF after a chunk");
    Buffer buffer = in.getBuffer();
    if (buffer.getByte(0) != '\r' || buffer.getByte(1) != '\n') {
      throw HttpProtocolException.badRequest("chunk data not followed by CRLF");
    }
    buffer.skip(2);
    afterChunk = false;
  }

  // RFC 9112 §7.1: chunk-size [ chunk-ext ] CRLF
  private long readChunkSize() throws IOException {
    long lf = FieldLines.findLineEnd(in, 0, MAX_SIZE_DIGITS_LINE + extensionBudget + 2L);
    if (lf == -1) throw new EOFException("stream ended in a chunk size line");
    if (lf == -2) throw HttpProtocolException.contentTooLarge("chunk extensions too large");
    byte[] line = in.readByteArray(lf + 1);
    int end = line.length - 2;
    if (end < 0 || line[end] != '\r') {
      throw HttpProtocolException.badRequest("chunk size line ends with a bare LF, not CRLF");
    }
    long size = 0;
    int i = 0;
    for (; i < end; i++) {
      int digit = hexDigit(line[i]);
      if (digit < 0) break;
      if (size > (Long.MAX_VALUE >>> 4)) throw HttpProtocolException.badRequest("chunk size overflows");
      size = (size << 4) | digit;
    }
    if (i == 0) throw HttpProtocolException.badRequest("invalid chunk size");
    if (i > MAX_SIZE_DIGITS_LINE) throw HttpProtocolException.badRequest("chunk size too long");
    if (i < end) {
      int extensionLength = end - i;
      if (extensionLength > extensionBudget) {
        throw HttpProtocolException.contentTooLarge("chunk extensions too large");
      }
      extensionBudget -= extensionLength;
      checkExtensions(line, i, end);
      if (extensions.isEmpty()) extensions = new ArrayList<>(2);
      extensions.add(new String(line, i, extensionLength, StandardCharsets.ISO_8859_1));
    }
    return size;
  }

  private static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') return b - '0';
    if (b >= 'a' && b <= 'f') return b - 'a' + 10;
    if (b >= 'A' && b <= 'F') return b - 'A' + 10;
    return -1;
  }

  // chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] ), ext-val = token / quoted-string
  private static void checkExtensions(byte[] a, int i, int end) throws HttpProtocolException {
    while (true) {
      while (i < end && Syntax.isOws(a[i])) i++;
      if (i == end) return;
      if (a[i++] != ';') throw HttpProtocolException.badRequest("invalid character after chunk size");
      while (i < end && Syntax.isOws(a[i])) i++;
      int nameStart = i;
      while (i < end && Syntax.isTchar(a[i])) i++;
      if (i == nameStart) throw HttpProtocolException.badRequest("invalid chunk extension name");
      while (i < end && Syntax.isOws(a[i])) i++;
      if (i == end || a[i] != '=') continue;
      i++;
      while (i < end && Syntax.isOws(a[i])) i++;
      if (i < end && a[i] == '"') {
        i = skipQuotedString(a, i + 1, end);
      } else {
        int valueStart = i;
        while (i < end && Syntax.isTchar(a[i])) i++;
        if (i == valueStart) throw HttpProtocolException.badRequest("invalid chunk extension value");
      }
    }
  }

  private static int skipQuotedString(byte[] a, int i, int end) throws HttpProtocolException {
    while (i < end) {
      int c = a[i++] & 0xff;
      if (c == '"') return i;
      if (c == '\\') {
        if (i == end) break;
        c = a[i++] & 0xff;
      }
      if (!Syntax.isFieldValueByte(c)) {
        throw HttpProtocolException.badRequest("invalid character in chunk extension");
      }
    }
    throw HttpProtocolException.badRequest("unterminated quoted string in chunk extension");
  }

  private void readTrailers() throws IOException {
    long end = FieldLines.scan(
        in, 0, limits.maxTrailerSectionSize(), limits.maxHeaderCount(), false, "trailer");
    byte[] section = in.readByteArray(end);
    trailers = FieldLines.parse(section, 0, section.length - 2, false, "trailer");
  }

  /** The underlying stream's timeout. */
  @Override
  public Timeout timeout() {
    return in.timeout();
  }

  /** Stops reading; the underlying stream stays open. */
  @Override
  public void close() {
    closed = true;
  }
}
