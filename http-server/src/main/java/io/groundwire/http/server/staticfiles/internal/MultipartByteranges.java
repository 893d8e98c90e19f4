package io.groundwire.http.server.staticfiles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6): one part per range, each with its own
 * {@code Content-Type} and {@code Content-Range}, separated by a random boundary. Its exact length
 * is known before writing, so the response carries {@code Content-Length}.
 */
public final class MultipartByteranges {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final String partContentType;
  private final long completeLength;
  private final List<ByteRange> ranges;

  /** Parts of a representation of {@code completeLength} bytes typed {@code partContentType}. */
  public MultipartByteranges(String partContentType, long completeLength, List<ByteRange> ranges) {
    this(newBoundary(), partContentType, completeLength, ranges);
  }

  MultipartByteranges(String boundary, String partContentType, long completeLength, List<ByteRange> ranges) {
    this.boundary = boundary;
    this.partContentType = partContentType;
    this.completeLength = completeLength;
    this.ranges = List.copyOf(ranges);
  }

  /** 128 random bits in hex: a boundary that does not occur in the content by chance. */
  static String newBoundary() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The response's {@code Content-Type}, naming the boundary. */
  public String contentType() {
    return "multipart/byteranges; boundary=" + boundary;
  }

  /** The exact number of bytes {@link #writeTo} writes. */
  public long contentLength() {
    long length = closing().length;
    for (ByteRange range : ranges) {
      length += partHead(range).length + range.length();
    }
    return length;
  }

  /**
   * Writes every part, reading the ranges from {@code file}; throws {@link IOException} when the
   * file is shorter than a range (it shrank meanwhile) or writing fails.
   */
  public void writeTo(SeekableByteChannel file, OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    for (ByteRange range : ranges) {
      out.write(partHead(range));
      long position = range.first();
      long remaining = range.length();
      while (remaining > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
        int read = file.position(position).read(buffer);
        if (read < 0) {
          throw new IOException("file shrank while sending its ranges");
        }
        out.write(buffer.array(), 0, read);
        position += read;
        remaining -= read;
      }
    }
    out.write(closing());
  }

  private byte[] partHead(ByteRange range) {
    return ("\r\n--" + boundary + "\r\nContent-Type: " + partContentType + "\r\nContent-Range: "
        + range.contentRange(completeLength) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] closing() {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
