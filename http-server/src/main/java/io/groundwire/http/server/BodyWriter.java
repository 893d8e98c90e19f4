package io.groundwire.http.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a response body to a stream when the server sends the response, for example the parts of a
 * {@code multipart/byteranges} body. The server frames what is written (Content-Length or chunked)
 * and closes the stream afterwards.
 */
@FunctionalInterface
public interface BodyWriter {
  /**
   * Writes the body to {@code out}. Must not close the socket; closing {@code out} is allowed.
   *
   * @throws IOException when writing fails: if nothing of the response has left yet (small bodies
   *     are buffered until the writer returns or flushes) the client gets 500, otherwise the
   *     connection is closed
   */
  void writeTo(OutputStream out) throws IOException;
}
