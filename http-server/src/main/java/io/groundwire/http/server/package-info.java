/** An HTTP/1.1 server from raw sockets. */
package io.groundwire.http.server;
