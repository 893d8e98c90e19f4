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
  void sendsBodyAfter100Continue() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 100 Continue\n\n");
      String body = new String(c.readBody(5), StandardCharsets.US_ASCII);
      c.write("HTTP/1.1 200 OK\nContent-Length: " + body.length() + "\n\n" + body);
      c.readHead();
    })) {
      Request request = Request.builder(server.url("/upload"))
          .header("Expect", "100-continue")
          .put(RequestBody.of("12345", "text/plain")).build();
      try (Response response = clients.newClient().send(request)) {
        assertEquals("12345", response.body().string());
      }
      assertTrue(server.takeRequest().contains("Expect: 100-continue"));
    }
  }

  @Test
  void doesNotSendBodyWhenFinalStatusComesInsteadOf100() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 413 Content Too Large
          Content-Length: 8

          too big!""");
      c.readHead(); // the client must close instead of sending the body as a new request
    })) {
      HttpClient client = clients.newClient(b -> b.expectContinueTimeout(Duration.ofSeconds(5)));
      Request request = Request.builder(server.url("/upload"))
          .header("Expect", "100-continue")
          .put(RequestBody.of(new byte[100_000], "application/octet-stream")).build();
      try (Response response = client.send(request)) {
        assertEquals(413, response.status());
        assertEquals("too big!", response.body().string());
      }
      assertEquals(0, client.idleConnections());
      assertEquals(1, server.requests.size());
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

  private static void await(RawServer server, int connections) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.get() >= connections);
  }
}
