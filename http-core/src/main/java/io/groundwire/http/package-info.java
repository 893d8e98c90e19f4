/**
 * HTTP/1.1 values shared by the Groundwire server and client: {@link io.groundwire.http.Method},
 * {@link io.groundwire.http.Status}, {@link io.groundwire.http.HttpVersion},
 * {@link io.groundwire.http.Headers}, {@link io.groundwire.http.MediaType}, HTTP dates
 * ({@link io.groundwire.http.HttpDates}), percent-encoding
 * ({@link io.groundwire.http.PercentEncoding}), query strings and form bodies
 * ({@link io.groundwire.http.QueryParameters}, {@link io.groundwire.http.FormUrlEncoded}), and the
 * one protocol error type, {@link io.groundwire.http.HttpProtocolException}, which carries the
 * status to answer with.
 *
 * <p>All values are immutable and thread-safe; builders are not. Invalid input to a value type
 * fails with {@link java.lang.IllegalArgumentException}; malformed wire input read by the codec
 * ({@link io.groundwire.http.codec}) fails with {@code HttpProtocolException}.
 */
package io.groundwire.http;
