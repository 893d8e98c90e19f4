/**
 * The client's machinery, not an API: {@code CallEngine} runs calls (deadline, redirects, retry),
 * {@code ConnectionPool} keeps idle connections, {@code Connector} opens TCP/TLS connections,
 * {@code Exchange} carries one request and response over http-core's codec, {@code ExchangeSource}
 * binds the response body to its connection, and {@code Watchdog} enforces time limits.
 */
package io.groundwire.http.client.internal;
