/**
 * A hand-written HTTP/1.1 client: {@link io.groundwire.http.client.HttpClient} sends immutable
 * {@link io.groundwire.http.client.Request}s and returns {@link io.groundwire.http.client.Response}s
 * whose bodies stream from a pooled keep-alive connection. Failures are
 * {@link io.groundwire.http.client.HttpClientException}s naming what happened. The machinery
 * (pool, connections, exchanges, TLS, redirects, deadlines) lives in the {@code internal} package.
 */
package io.groundwire.http.client;
