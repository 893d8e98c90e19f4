package io.groundwire.http.client.internal;

/** Where a connection goes: the pool's key. Connections are shared only by equal addresses. */
public record Address(boolean https, String host, int port) {
  @Override
  public String toString() {
    return (https ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
