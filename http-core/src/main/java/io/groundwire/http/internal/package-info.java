/** Machinery shared by the http-core packages. Not API: may change without notice. */
package io.groundwire.http.internal;
