/** A hand-written HTTP/1.1 client. */
package io.groundwire.http.client;
