package io.groundwire.http.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statuses, bodies, decoding, timeouts, faults and what goes on the wire, against WireMock. */
class WireMockBehaviourTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static String url(String path) {
    return wm.baseUrl() + path;
  }

  @Test
  void sendsHostUserAgentAndAcceptEncoding() throws Exception {
    wm.stubFor(get("/hello").willReturn(aResponse().withBody("hi")));
    try (Response response = clients.newClient().send(Request.get(url("/hello")))) {
      assertEquals("hi", response.body().string());
    }
    wm.verify(getRequestedFor(urlEqualTo("/hello"))
        .withHeader("Host", equalTo("localhost:" + wm.getPort()))
        .withHeader("User-Agent", equalTo("groundwire/0.1"))
        .withHeader("Accept-Encoding", equalTo("gzip, deflate")));
  }

  @Test
  void sendsPostBodyWithLengthAndType() throws Exception {
    wm.stubFor(post("/items").willReturn(aResponse().withStatus(201)));
    Request request = Request.builder(url("/items")).post(RequestBody.of("{\"a\":1}", "application/json")).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(201, response.status());
    }
    wm.verify(postRequestedFor(urlEqualTo("/items")).withRequestBody(equalTo("{\"a\":1}"))
        .withHeader("Content-Length", equalTo("7")).withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void sendsStreamOfUnknownLengthChunked() throws Exception {
    wm.stubFor(post("/stream").willReturn(aResponse().withStatus(204)));
    byte[] data = new byte[100_000];
    new Random(1).nextBytes(data);
    Request request = Request.builder(url("/stream"))
        .post(RequestBody.ofStream(new java.io.ByteArrayInputStream(data), -1, "application/octet-stream")).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(204, response.status());
    }
    wm.verify(postRequestedFor(urlEqualTo("/stream")).withHeader("Transfer-Encoding", equalTo("chunked"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(data)));
  }

  @ParameterizedTest
  @ValueSource(ints = {204, 304})
  void readsNoBodyFor204And304(int status) throws Exception {
    wm.stubFor(get("/empty").willReturn(aResponse().withStatus(status)));
    HttpClient client = clients.newClient();
    try (Response response = client.send(Request.get(url("/empty")))) {
      assertEquals(status, response.status());
      assertEquals(0, response.body().bytes().length);
    }
    assertEquals(1, client.idleConnections());
  }

  @Test
  void readsNoBodyForHeadEvenWithContentLength() throws Exception {
    wm.stubFor(head(urlEqualTo("/file")).willReturn(aResponse().withHeader("Content-Length", "1000")));
    HttpClient client = clients.newClient();
    try (Response response = client.send(Request.builder(url("/file")).head().build())) {
      assertEquals("1000", response.header("Content-Length"));
      assertEquals(0, response.body().bytes().length);
    }
    wm.verify(com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor(urlEqualTo("/file"))
        .withHeader("Accept-Encoding", absent()));
  }

  @Test
  void reusesKeptAliveConnection() throws Exception {
    wm.stubFor(get("/n").willReturn(aResponse().withBody("n")));
    HttpClient client = clients.newClient();
    for (int i = 0; i < 5; i++) {
      try (Response response = client.send(Request.get(url("/n")))) {
        assertEquals("n", response.body().string());
      }
    }
    assertEquals(1, client.idleConnections());
  }

  @Test
  void closesConnectionWhenResponseSaysClose() throws Exception {
    wm.stubFor(get("/bye").willReturn(aResponse().withHeader("Connection", "close").withBody("bye")));
    HttpClient client = clients.newClient();
    try (Response response = client.send(Request.get(url("/bye")))) {
      assertEquals("bye", response.body().string());
    }
    assertEquals(0, client.idleConnections());
  }

  @Test
  void closesConnectionWhenRequestSaysClose() throws Exception {
    wm.stubFor(get("/bye").willReturn(aResponse().withBody("bye")));
    HttpClient client = clients.newClient();
    try (Response response = client.send(Request.builder(url("/bye")).header("Connection", "close").build())) {
      assertEquals("bye", response.body().string());
    }
    assertEquals(0, client.idleConnections());
    wm.verify(getRequestedFor(urlEqualTo("/bye")).withHeader("Connection", equalTo("close")));
  }

  @Test
  void decodesGzipTransparently() throws Exception {
    byte[] text = "compressed text ".repeat(100).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text);
    }
    wm.stubFor(get("/gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray())));
    try (Response response = clients.newClient().send(Request.get(url("/gz")))) {
      assertNull(response.header("Content-Encoding"));
      assertNull(response.header("Content-Length"));
      assertArrayEquals(text, response.body().bytes());
    }
  }

  @Test
  void decodesDeflateTransparently() throws Exception {
    byte[] text = "deflated ".repeat(50).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
      out.write(text);
    }
    wm.stubFor(get("/z").willReturn(aResponse().withHeader("Content-Encoding", "deflate").withBody(zlib.toByteArray())));
    try (Response response = clients.newClient().send(Request.get(url("/z")))) {
      assertArrayEquals(text, response.body().bytes());
    }
  }

  @Test
  void returnsRawBytesWhenCallerSetAcceptEncoding() throws Exception {
    byte[] gzipped = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    wm.stubFor(get("/raw").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzipped)));
    Request request = Request.builder(url("/raw")).header("Accept-Encoding", "gzip").build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals("gzip", response.header("Content-Encoding"));
      assertArrayEquals(gzipped, response.body().bytes());
    }
  }

  @Test
  void decodesTextInDeclaredCharset() throws Exception {
    wm.stubFor(get("/latin").willReturn(aResponse().withHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .withBody("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));
    try (Response response = clients.newClient().send(Request.get(url("/latin")))) {
      assertEquals("caf\u00e9", response.body().string());
    }
  }

  @Test
  void failsWithReadTimeoutWhenResponseIsLate() {
    wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(2000).withBody("late")));
    HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofMillis(200)));
    assertThrows(ReadTimeoutException.class, () -> client.send(Request.get(url("/slow"))));
  }

  @Test
  void failsWithCallTimeoutWhenWholeCallIsTooLong() {
    wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(2000).withBody("late")));
    HttpClient client = clients.newClient(b -> b.callTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertThrows(CallTimeoutException.class, () -> client.send(Request.get(url("/slow"))));
    assertTrue(System.nanoTime() - start < 1_500_000_000L, "the deadline fired late");
  }

  @Test
  void perRequestTimeoutOverridesTheClients() {
    wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(2000).withBody("late")));
    Request request = Request.builder(url("/slow")).timeout(Duration.ofMillis(200)).build();
    assertThrows(CallTimeoutException.class, () -> clients.newClient().send(request));
  }

  @Test
  void reportsConnectionResetByPeer() {
    wm.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ConnectionClosedException e = assertThrows(ConnectionClosedException.class,
        () -> clients.newClient().send(Request.get(url("/reset"))));
    assertTrue(e.getMessage().contains("reset") || e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void reportsEmptyResponse() {
    wm.stubFor(get("/empty").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThrows(ConnectionClosedException.class, () -> clients.newClient().send(Request.get(url("/empty"))));
  }

  @Test
  void reportsRandomDataAsMalformedResponse() {
    wm.stubFor(get("/garbage").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    assertThrows(MalformedResponseException.class, () -> clients.newClient().send(Request.get(url("/garbage"))));
  }

  @Test
  void reportsMalformedChunk() throws Exception {
    wm.stubFor(get("/chunk").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    HttpClient client = clients.newClient();
    IoCall call = () -> {
      try (Response response = client.send(Request.get(url("/chunk")))) {
        response.body().bytes();
      }
    };
    HttpClientException e = assertThrows(HttpClientException.class, call::run);
    assertTrue(e instanceof MalformedResponseException || e instanceof TruncatedBodyException, e.toString());
    assertEquals(0, client.idleConnections());
  }

  @Test
  void sendsAsyncOnVirtualThreads() throws Exception {
    wm.stubFor(get("/async").willReturn(aResponse().withBody("later")));
    try (Response response = clients.newClient().sendAsync(Request.get(url("/async"))).get()) {
      assertEquals("later", response.body().string());
    }
  }

  /** A call that may throw, for assertThrows. */
  private interface IoCall {
    void run() throws Exception;
  }
}
