/** TCP and UDP echo (RFC 862): EchoServer, EchoClient and a benchmark. */
package io.groundwire.echo;
