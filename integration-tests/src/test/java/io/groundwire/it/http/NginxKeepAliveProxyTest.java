package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** nginx with {@code proxy_http_version 1.1}, {@code Connection ""} and upstream keepalive. */
class NginxKeepAliveProxyTest extends NginxProxyTestBase {
  @Override
  boolean http11KeepAlive() {
    return true;
  }

  @Test
  void upstreamConnectionsAreReusedOverHttp11() throws Exception {
    upstreamPorts.clear();
    upstreamVersions.clear();
    for (int i = 0; i < 10; i++) {
      assertEquals(200, get("/whoami").statusCode());
    }
    assertEquals(Set.of("HTTP/1.1"), upstreamVersions);
    assertTrue(upstreamPorts.size() < 10, "nginx opened a connection per request: " + upstreamPorts);
  }
}
