package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Expect: 100-continue} against scripted servers: 100, early hints, a final status instead, 417, silence. */
class ExpectContinueTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  /** A server that sends {@code interim} (may be empty), then 100 Continue, then echoes the 5-byte body. */
  private static RawServer continuing(String interim) throws java.io.IOException {
    return new RawServer(c -> {
      c.readHead();
      if (!interim.isEmpty()) c.write(interim);
      c.write("HTTP/1.1 100 Continue\n\n");
      String body = new String(c.readBody(5), StandardCharsets.US_ASCII);
      c.write("HTTP/1.1 200 OK\nContent-Length: " + body.length() + "\n\n" + body);
      c.readHead();
    });
  }

  private static Request upload(RawServer server) {
    return Request.builder(server.url("/upload"))
        .header("Expect", "100-continue")
        .put(RequestBody.of("12345", "text/plain")).build();
  }

  @Test
  void sendsBodyAfter100Continue() throws Exception {
    try (RawServer server = continuing("")) {
      Request request = upload(server);
      try (Response response = clients.newClient().send(request)) {
        assertEquals("12345", response.body().string());
      }
      assertTrue(server.takeRequest().contains("Expect: 100-continue"));
    }
  }

  @Test
  void sendsBodyAfter100ContinueThatFollowsEarlyHints() throws Exception {
    try (RawServer server = continuing("HTTP/1.1 103 Early Hints\nLink: </style.css>; rel=preload\n\n")) {
      Request request = upload(server);
      // a long wait for 100: were the 103 taken for the end of waiting, the body would never go out
      HttpClient client = clients.newClient(b -> b.expectContinueTimeout(Duration.ofSeconds(30)));
      try (Response response = client.send(request)) {
        assertEquals("12345", response.body().string());
      }
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
  void repeatsTheRequestWithoutExpectAfter417() throws Exception {
    try (RawServer server = new RawServer(c -> {
      String head = c.readHead();
      if (head.contains("Expect:")) {
        c.write("HTTP/1.1 417 Expectation Failed\nContent-Length: 0\nConnection: close\n\n");
        return;
      }
      byte[] body = c.readBody(5);
      c.write("HTTP/1.1 200 OK\nContent-Length: 5\n\n" + new String(body, StandardCharsets.US_ASCII));
    })) {
      Request request = Request.builder(server.url("/upload"))
          .header("Expect", "100-continue")
          .put(RequestBody.of("hello", "text/plain")).build();
      try (Response response = clients.newClient().send(request)) {
        assertEquals(200, response.status());
        assertEquals("hello", response.body().string());
      }
      assertTrue(server.takeRequest().contains("Expect: 100-continue"));
      String second = server.takeRequest();
      assertTrue(!second.contains("Expect"), second);
    }
  }

  @Test
  void aOneShotBodyIsNotRepeatedAfter417() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 417 Expectation Failed\nContent-Length: 0\nConnection: close\n\n");
    })) {
      RequestBody oneShot = RequestBody.ofStream(new java.io.ByteArrayInputStream(new byte[5]), 5, "text/plain");
      Request request = Request.builder(server.url("/upload"))
          .header("Expect", "100-continue").put(oneShot).build();
      try (Response response = clients.newClient().send(request)) {
        assertEquals(417, response.status());
      }
      assertEquals(1, server.connections.get());
    }
  }

  @Test
  void sendsBodyAnywayWhenNo100ContinueComesInTime() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead(); // never says 100 Continue
      String body = new String(c.readBody(4), StandardCharsets.US_ASCII);
      c.write("HTTP/1.1 200 OK\nContent-Length: 4\n\n" + body);
      c.readHead();
    })) {
      HttpClient client = clients.newClient(b -> b.expectContinueTimeout(Duration.ofMillis(100)));
      Request request = Request.builder(server.url("/"))
          .header("Expect", "100-continue").post(RequestBody.of("data", "text/plain")).build();
      try (Response response = client.send(request)) {
        assertEquals("data", response.body().string());
      }
      assertEquals(1, client.idleConnections());
    }
  }
}
