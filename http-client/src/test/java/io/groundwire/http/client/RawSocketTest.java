package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviour no server stub produces, scripted byte by byte on a raw socket. */
class RawSocketTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void readsResponseWrittenOneByteAtATime() throws Exception {
    String wire = """
        HTTP/1.1 200 OK
        Content-Type: text/plain
        Transfer-Encoding: chunked

        5;ext=1
        hello
        0
        X-Checksum: abc

        """.replace("\n", "\r\n");
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      for (byte b : wire.getBytes(StandardCharsets.ISO_8859_1)) {
        c.writeRaw(new byte[] {b});
      }
      c.readHead();
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertEquals(200, response.status());
        assertEquals("hello", response.body().source().readUtf8());
        assertEquals("abc", response.body().trailers().get("X-Checksum"));
        assertEquals(java.util.List.of(";ext=1"), response.body().chunkExtensions());
      }
    }
  }

  @Test
  void retriesGetOnceWhenPooledConnectionWasClosedByServer() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 200 OK
          Content-Length: 5

          first""");
      if (c.index == 0) {
        return; // closes the connection after the first response, without saying so
      }
      c.readHead();
    })) {
      HttpClient client = clients.newClient();
      try (Response first = client.send(Request.get(server.url("/a")))) {
        assertEquals("first", first.body().string());
      }
      server.takeRequest();
      await(server, 1);
      try (Response second = client.send(Request.get(server.url("/b")))) {
        assertEquals("first", second.body().string());
      }
      assertEquals(2, server.connections.get());
    }
  }

  @Test
  void retriesGetOnANewConnectionWhenAPooledOneHoldsStrayBytes() throws Exception {
    CountDownLatch firstRead = new CountDownLatch(1);
    CountDownLatch straySent = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      if (c.index == 0) {
        c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
        firstRead.await(5, TimeUnit.SECONDS);
        c.write("XXXXX"); // more body than the response declared, arriving late
        straySent.countDown();
        c.readHead();
        c.write("HTTP/1.1 200 OK\nContent-Length: 5\n\nwrong");
      } else {
        c.write("HTTP/1.1 200 OK\nContent-Length: 6\n\nsecond");
      }
      c.readHead();
    })) {
      HttpClient client = clients.newClient();
      try (Response first = client.send(Request.get(server.url("/a")))) {
        assertEquals("ok", first.body().string());
      }
      firstRead.countDown();
      assertTrue(straySent.await(5, TimeUnit.SECONDS));
      try (Response second = client.send(Request.get(server.url("/b")))) {
        assertEquals("second", second.body().string());
      }
      assertEquals(2, server.connections.get());
    }
  }

  @Test
  void neverRetriesPostOnStalePooledConnection() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 200 OK
          Content-Length: 2

          ok""");
      c.socket.close();
      closed.countDown();
    })) {
      HttpClient client = clients.newClient();
      try (Response first = client.send(Request.get(server.url("/a")))) {
        assertEquals("ok", first.body().string());
      }
      server.takeRequest();
      Request post = Request.builder(server.url("/pay")).post(RequestBody.of("x", "text/plain")).build();
      // the server closed after the first response: the POST must fail, not be sent twice
      assertTrue(closed.await(5, TimeUnit.SECONDS));
      ConnectionClosedException e = assertThrows(ConnectionClosedException.class, () -> client.send(post));
      assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
      assertEquals(1, server.connections.get());
    }
  }

  @Test
  void failsWithReadTimeoutWhenBodyStalls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 200 OK
          Content-Length: 100

          only part""");
      release.await(10, TimeUnit.SECONDS);
    })) {
      HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofMillis(300)));
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertThrows(ReadTimeoutException.class, () -> response.body().bytes());
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void skipsInformationalResponses() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 100 Continue

          HTTP/1.1 103 Early Hints
          Link: </style.css>; rel=preload

          HTTP/1.1 201 Created
          Content-Length: 4

          done""");
      c.readHead();
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertEquals(201, response.status());
        assertEquals("done", response.body().string());
      }
    }
  }

  @Test
  void unfoldsObsoleteLineFoldingInResponseHeaders() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nX-Long: first\n  second\nContent-Length: 2\n\nok");
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertEquals("first second", response.headers().get("X-Long"));
        assertEquals("ok", response.body().string());
      }
    }
  }

  @Test
  void rejectsMalformedStatusLine() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 2OO OK\nContent-Length: 0\n\n");
    })) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> clients.newClient().send(Request.get(server.url("/"))));
      assertTrue(e.getMessage().contains("status"), e.getMessage());
    }
  }

  @Test
  void reportsBodyShorterThanContentLength() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 10\n\nabc");
    })) {
      HttpClient client = clients.newClient();
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertThrows(TruncatedBodyException.class, () -> response.body().bytes());
      }
      assertEquals(0, client.idleConnections());
    }
  }

  @Test
  void readsCloseDelimitedBodyAndDoesNotPoolTheConnection() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\n\nuntil the end");
    })) {
      HttpClient client = clients.newClient();
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("until the end", response.body().string());
      }
      assertEquals(0, client.idleConnections());
    }
  }

  @Test
  void releasesConnectionWhenDeflateBodyIsReadToItsEndWithoutClose() throws Exception {
    java.io.ByteArrayOutputStream zlib = new java.io.ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(zlib)) {
      out.write("inflated".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] body = zlib.toByteArray();
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Encoding: deflate\nContent-Length: " + body.length + "\n\n");
      c.writeRaw(body);
      c.readHead();
    })) {
      HttpClient client = clients.newClient();
      Response response = client.send(Request.get(server.url("/")));
      assertEquals("inflated", response.body().source().readUtf8()); // to the end, not closed
      assertEquals(0, client.connectionsInUse());
      assertEquals(1, client.idleConnections());
    }
  }

  @Test
  void decodesAGzipTransferCodingUnderChunkedAndKeepsTheConnection() throws Exception {
    byte[] gzip = gzip("decoded by the client");
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n" + Integer.toHexString(gzip.length) + "\r\n");
      c.writeRaw(gzip);
      c.write("\r\n0\r\n\r\n");
      c.readHead();
    })) {
      HttpClient client = clients.newClient();
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("decoded by the client", response.body().string());
      }
      assertEquals(1, client.idleConnections());
    }
  }

  @Test
  void decodesAGzipTransferCodingOnACloseDelimitedBody() throws Exception {
    byte[] gzip = gzip("until the end, decoded");
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nTransfer-Encoding: gzip\n\n");
      c.writeRaw(gzip);
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertEquals("until the end, decoded", response.body().string());
      }
    }
  }

  @Test
  void rejectsATransferCodingItCannotDecode() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nTransfer-Encoding: br, chunked\n\n3\r\nabc\r\n0\r\n\r\n");
    })) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> clients.newClient().send(Request.get(server.url("/"))));
      assertTrue(e.getMessage().contains("br"), e.getMessage());
    }
  }

  @Test
  void rejectsTransferEncodingInAnHttp10Response() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.0 200 OK\nTransfer-Encoding: chunked\n\n3\r\nabc\r\n0\r\n\r\n");
    })) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> clients.newClient().send(Request.get(server.url("/"))));
      assertTrue(e.getMessage().contains("HTTP/1.0"), e.getMessage());
    }
  }

  @Test
  void aGzipBodyThatDoesNotDecodeFailsAsMalformedNamingTheCoding() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 12\n\nnot a gzip!!");
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> response.body().string());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
      }
    }
  }

  @Test
  void gzipTwiceOnTwoHeaderLinesIsHandedOverUndecodedWithItsHeaders() throws Exception {
    byte[] inner = gzip("two layers");
    java.io.ByteArrayOutputStream outer = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(outer)) {
      out.write(inner);
    }
    byte[] twice = outer.toByteArray();
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Encoding: gzip\nContent-Length: "
          + twice.length + "\n\n");
      c.writeRaw(twice);
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        // not half-decoded with the remaining layer's header dropped
        assertEquals(java.util.List.of("gzip", "gzip"), response.headers().values("Content-Encoding"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(twice, response.body().bytes());
      }
    }
  }

  @Test
  void aGzipBodyCutShortIsStillATruncatedBody() throws Exception {
    byte[] gzip = gzip("a body long enough to be cut in the middle of its compressed bytes");
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: " + gzip.length + "\n\n");
      c.writeRaw(java.util.Arrays.copyOf(gzip, gzip.length / 2));
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertThrows(TruncatedBodyException.class, () -> response.body().string());
      }
    }
  }

  private static byte[] gzip(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  @Test
  void talksToIpv6LiteralWithBracketedHostHeader() throws Exception {
    java.net.InetAddress ipv6Loopback = java.net.InetAddress.getByName("::1");
    RawServer server;
    try {
      server = new RawServer(ipv6Loopback, c -> {
        c.readHead();
        c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nv6");
        c.readHead();
      });
    } catch (java.io.IOException noIpv6) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIpv6.getMessage());
      return;
    }
    try (server) {
      String url = server.url("/six");
      assertTrue(url.startsWith("http://[0:0:0:0:0:0:0:1]:"), url);
      try (Response response = clients.newClient().send(Request.get(url))) {
        assertEquals("v6", response.body().string());
      }
      String head = server.takeRequest();
      assertTrue(head.contains("Host: [::1]:") || head.contains("Host: [0:0:0:0:0:0:0:1]:"), head);
    }
  }

  @Test
  void failsPromptlyWhenTheRequestBodysOwnSourceFails() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      done.await(10, TimeUnit.SECONDS); // waits for the rest of the body, never answers
    })) {
      HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofSeconds(10)));
      RequestBody failing = new RequestBody() {
        @Override
        public String contentType() {
          return "application/octet-stream";
        }

        @Override
        public long contentLength() {
          return 1_000_000;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
          sink.write(new byte[100_000]);
          throw new java.io.IOException("disk on fire");
        }
      };
      long start = System.nanoTime();
      java.io.IOException e = assertThrows(java.io.IOException.class,
          () -> client.send(Request.builder(server.url("/up")).post(failing).build()));
      assertEquals("disk on fire", e.getMessage());
      assertTrue(System.nanoTime() - start < 2_000_000_000L, "waited for a response that cannot come");
      assertEquals(0, client.idleConnections());
    } finally {
      done.countDown();
    }
  }

  @Test
  void declaresTheBodyLengthItselfIgnoringTheCallersFramingHeaders() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.readBody(3);
      c.write("HTTP/1.1 204 No Content\n\n");
      c.readHead();
    })) {
      Request request = Request.builder(server.url("/"))
          .header("Content-Length", "99").header("Transfer-Encoding", "chunked")
          .post(RequestBody.of("abc", "text/plain")).build();
      try (Response response = clients.newClient().send(request)) {
        assertEquals(204, response.status());
      }
      String head = server.takeRequest();
      assertTrue(head.contains("Content-Length: 3\r\n"), head);
      assertEquals(head.indexOf("Content-Length"), head.lastIndexOf("Content-Length"), head);
      assertTrue(!head.contains("Transfer-Encoding"), head);
    }
  }

  @Test
  void doesNotReuseConnectionAfterResponseWithBothTransferEncodingAndContentLength() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 200 OK
          Content-Length: 3
          Transfer-Encoding: chunked

          2
          ok
          0

          """);
      c.readHead();
    })) {
      HttpClient client = clients.newClient();
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(0, client.idleConnections());
    }
  }

  @Test
  void rejectsEndlessInterimResponses() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      for (int i = 0; i < 100; i++) {
        c.write("HTTP/1.1 103 Early Hints\n\n");
      }
    })) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> clients.newClient().send(Request.get(server.url("/"))));
      assertTrue(e.getMessage().contains("interim"), e.getMessage());
    }
  }

  @Test
  void followsLocationWithRawUtf8Bytes() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.writeRaw("HTTP/1.1 302 Found\r\nLocation: /caf\u00e9 au lait\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.UTF_8));
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      c.readHead();
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/start")))) {
        assertEquals("ok", response.body().string());
        assertEquals("/caf%C3%A9%20au%20lait", response.request().url().encodedPath());
      }
      server.takeRequest();
      assertTrue(server.takeRequest().startsWith("GET /caf%C3%A9%20au%20lait HTTP/1.1\r\n"));
    }
  }

  @Test
  void followsLocationWithRawLatin1BytesByEncodingThoseBytes() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.writeRaw("HTTP/1.1 302 Found\r\nLocation: /caf\u00e9\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      c.readHead();
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/start")))) {
        assertEquals("ok", response.body().string());
      }
      server.takeRequest();
      assertTrue(server.takeRequest().startsWith("GET /caf%E9 HTTP/1.1\r\n"));
    }
  }

  @Test
  void byteStreamReturnsAvailableBytesWithoutWaitingForTheRest() throws Exception {
    CountDownLatch rest = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 10\n\nfirst");
      rest.await(10, TimeUnit.SECONDS);
      c.write("later");
      c.readHead();
    })) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        java.io.InputStream in = response.body().byteStream();
        long start = System.nanoTime();
        assertEquals("first", new String(in.readNBytes(5), StandardCharsets.US_ASCII));
        assertEquals(0, in.read(new byte[4], 0, 0));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "waited for bytes that were not asked for");
        rest.countDown();
        assertEquals("later", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      } finally {
        rest.countDown();
      }
    }
  }

  private static void await(RawServer server, int connections) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.get() >= connections);
  }
}
