/**
 * The server's machinery, not an API: the listener and its accept loop ({@code Listener}), the
 * event loop ({@code EventLoop}), each connection's serving loop ({@code Connection}), one request-response exchange at a time
 * ({@code Exchange}), the response writer, the request body stream, multipart parsing and the route
 * table. Request heads and body framing come from http-core's codec.
 */
package io.groundwire.http.server.internal;
