/** The HTTP/1.1 wire format shared by server and client. */
package io.groundwire.http;
