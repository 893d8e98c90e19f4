/**
 * An HTTP/1.1 server from raw sockets: {@link io.groundwire.http.server.HttpServer} with its
 * {@link io.groundwire.http.server.HttpServerOptions}, the {@link io.groundwire.http.server.Handler}
 * API ({@link io.groundwire.http.server.Request}, {@link io.groundwire.http.server.Response}) and a
 * {@link io.groundwire.http.server.Router}.
 */
package io.groundwire.http.server;
