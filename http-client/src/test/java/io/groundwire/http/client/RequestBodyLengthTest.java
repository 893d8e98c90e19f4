package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request body that does not hold what it declares never reaches the wire: bytes beyond the
 * Content-Length would be read by the server as a second request (smuggling), fewer would leave it
 * waiting. Small bodies go out in the head's write; they are checked like large ones.
 */
class RequestBodyLengthTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static final String SMUGGLED = "0123456789GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

  @Test
  void aSmallBodyLongerThanDeclaredFailsAndNothingIsSent() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 0\n\n");
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 0\n\n");
    })) {
      Request post = Request.builder(server.url("/upload"))
          .post(RequestBody.ofStream(stream(SMUGGLED), 10, "text/plain")).build();
      HttpClientException e = assertThrows(HttpClientException.class, () -> clients.newClient().send(post));
      assertTrue(e.getMessage().contains("declared length"), e.getMessage());
      assertNull(server.requests.poll(300, TimeUnit.MILLISECONDS), "no request reached the server");
    }
  }

  @Test
  void aSmallBodyShorterThanDeclaredFailsAtOnceInsteadOfWaiting() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.readBody(10);
    })) {
      Request post = Request.builder(server.url("/upload"))
          .post(RequestBody.ofStream(stream("12345"), 10, "text/plain")).build();
      HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofSeconds(30)));
      HttpClientException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThrows(HttpClientException.class, () -> client.send(post)));
      assertTrue(e.getMessage().contains("declared length"), e.getMessage());
    }
  }

  @Test
  void aSmallBodyWhoseSourceFailsReportsThatFailureAndIsNotRetried() throws Exception {
    try (RawServer server = new RawServer(c -> c.readHead())) {
      RequestBody failing = new RequestBody() {
        @Override
        public String contentType() {
          return "text/plain";
        }

        @Override
        public long contentLength() {
          return 10;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          sink.writeUtf8("12345");
          throw new IOException("the file went away");
        }
      };
      Request put = Request.builder(server.url("/doc")).method("PUT", failing).build();
      IOException e = assertThrows(IOException.class, () -> clients.newClient().send(put));
      assertEquals("the file went away", e.getMessage());
      assertNull(server.requests.poll(300, TimeUnit.MILLISECONDS), "no request reached the server");
    }
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
