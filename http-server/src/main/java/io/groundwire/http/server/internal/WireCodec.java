package io.groundwire.http.server.internal;

import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.codec.ChunkedSink;
import io.groundwire.http.codec.Framing;
import io.groundwire.http.codec.Limits;
import io.groundwire.http.codec.RequestHead;
import io.groundwire.http.codec.RequestHeadReader;
import io.groundwire.http.server.HttpServerOptions;
import java.io.IOException;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Sink;
import okio.Source;

/** The server's use of http-core's codec, in one place: head reading, body framing, chunked output. */
final class WireCodec {
  private WireCodec() {}

  /** The codec limits the options ask for. */
  static Limits limits(HttpServerOptions options) {
    return Limits.DEFAULTS.toBuilder()
        .maxRequestLineLength(options.maxRequestLineLength())
        .maxHeaderSectionSize(options.maxHeaderSize())
        .maxHeaderCount(options.maxHeaderCount())
        .build();
  }

  /**
   * Reads the next request head, or returns null when the client closed before sending one.
   *
   * @throws HttpProtocolException with the status to answer
   * @throws IOException when the stream ends mid-head or reading fails
   */
  static RequestHead readHead(RequestHeadReader reader, BufferedSource in) throws IOException {
    return reader.read(in);
  }

  /**
   * The request body's length: 0 when there is none, -1 when chunked.
   *
   * @throws HttpProtocolException 400 for smuggling-prone or invalid framing, 501 for an unknown coding
   */
  static long bodyLength(RequestHead head) throws HttpProtocolException {
    Framing framing = Framing.forRequest(head);
    return switch (framing.kind()) {
      case CHUNKED -> -1;
      case FIXED -> framing.contentLength();
      default -> 0;
    };
  }

  /** The body's bytes as a source that ends where the body ends. */
  static Source bodySource(BufferedSource in, long length, Limits limits) {
    return length < 0 ? Framing.CHUNKED.bodySource(in, limits) : Framing.fixed(length).bodySource(in, limits);
  }

  /** A sink that writes what it is given as chunks, and the last chunk when closed. */
  static Sink chunkedSink(BufferedSink out) {
    return new ChunkedSink(out);
  }
}
