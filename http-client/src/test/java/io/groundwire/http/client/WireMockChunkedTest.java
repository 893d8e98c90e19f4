package io.groundwire.http.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chunked responses from WireMock (Jetty), including a body dribbled out in pieces. */
class WireMockChunkedTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().gzipDisabled(true)
          .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.ALWAYS)).build();

  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void readsChunkedBodyAndReusesConnection() throws Exception {
    String text = "chunk me ".repeat(5000);
    wm.stubFor(get("/chunked").willReturn(aResponse().withBody(text)));
    HttpClient client = clients.newClient();
    for (int i = 0; i < 3; i++) {
      try (Response response = client.send(Request.get(wm.baseUrl() + "/chunked"))) {
        assertEquals("chunked", response.header("Transfer-Encoding"));
        assertNull(response.header("Content-Length"));
        assertEquals(-1, response.body().contentLength());
        assertEquals(text, response.body().string());
      }
    }
    assertEquals(1, client.idleConnections());
  }

  @Test
  void readsBodyDribbledInChunksOverTime() throws Exception {
    String text = "0123456789".repeat(100);
    wm.stubFor(get("/dribble").willReturn(aResponse().withBody(text).withChunkedDribbleDelay(10, 300)));
    try (Response response = clients.newClient().send(Request.get(wm.baseUrl() + "/dribble"))) {
      assertEquals(text, response.body().string());
    }
  }
}
