package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** nginx with its default upstream protocol: HTTP/1.0, one connection per request. */
class NginxHttp10ProxyTest extends NginxProxyTestBase {
  @Override
  boolean http11KeepAlive() {
    return false;
  }

  @Test
  void upstreamRequestsAreHttp10OnFreshConnections() throws Exception {
    upstreamPorts.clear();
    upstreamVersions.clear();
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get("/whoami").statusCode());
    }
    assertEquals(Set.of("HTTP/1.0"), upstreamVersions);
    assertEquals(5, upstreamPorts.size(), "each request should come on its own connection");
  }
}
