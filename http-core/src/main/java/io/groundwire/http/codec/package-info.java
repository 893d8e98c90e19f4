/**
 * The HTTP/1.1 message codec (RFC 9112), pure: it reads from Okio {@link okio.BufferedSource}s and
 * writes to {@link okio.BufferedSink}s and knows nothing about sockets, threads or time.
 *
 * <ul>
 *   <li>Heads: {@link io.groundwire.http.codec.RequestHeadReader} and
 *       {@link io.groundwire.http.codec.ResponseHeadReader} parse strictly within
 *       {@link io.groundwire.http.codec.Limits}; {@link io.groundwire.http.codec.HeadWriter}
 *       writes {@link io.groundwire.http.codec.RequestHead}s and
 *       {@link io.groundwire.http.codec.ResponseHead}s.
 *   <li>Framing: {@link io.groundwire.http.codec.Framing} decides how a body is delimited
 *       (RFC 9112 §6) and opens the matching source.
 *   <li>Bodies: {@link io.groundwire.http.codec.FixedLengthSource},
 *       {@link io.groundwire.http.codec.ChunkedSource},
 *       {@link io.groundwire.http.codec.UntilCloseSource},
 *       {@link io.groundwire.http.codec.FixedLengthSink},
 *       {@link io.groundwire.http.codec.ChunkedSink}. None of them closes the underlying stream.
 * </ul>
 *
 * <p>Malformed input fails with {@link io.groundwire.http.HttpProtocolException} carrying the
 * status to answer; a stream that ends early fails with {@link java.io.EOFException}. Readers are
 * stateless and thread-safe; body sources and sinks belong to one message on one thread.
 */
package io.groundwire.http.codec;
