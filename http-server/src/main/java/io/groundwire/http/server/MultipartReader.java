package io.groundwire.http.server;

import java.io.IOException;

/**
 * Reads the parts of a {@code multipart/form-data} body one after the other (RFC 7578), streaming
 * each part's content: reading the next part skips what is left of the current one.
 *
 * <pre>{@code
 * MultipartReader parts = request.multipart();
 * for (Part part; (part = parts.next()) != null; ) {
 *   if (part.filename() != null) Files.copy(part.body(), dir.resolve("upload"));
 * }
 * }</pre>
 */
public interface MultipartReader {
  /**
   * Moves to the next part, or returns null after the last one.
   *
   * @throws io.groundwire.http.HttpProtocolException 400 when the body is not well-formed multipart
   *     (missing delimiter, bad part headers, truncated), 413 when it exceeds the body limit
   * @throws IOException when the connection fails
   */
  Part next() throws IOException;
}
