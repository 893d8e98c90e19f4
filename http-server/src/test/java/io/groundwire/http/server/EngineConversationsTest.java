package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both engines serve connections alike: keep-alive, pipelining, large bodies both ways (for
 * {@link Engine#EVENT_LOOP}: reads the loop does for a waiting thread, writes that wait for room),
 * timeouts and a draining close. One subclass per engine.
 */
abstract class EngineConversationsTest {
  /** The engine under test. */
  abstract Engine engine();

  private static final byte[] BIG = new byte[8 << 20];

  static {
    for (int i = 0; i < BIG.length; i++) BIG[i] = (byte) (i * 31 + (i >> 12));
  }

  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .options(o -> o.engine(engine()).maxBodySize(4 << 20).idleTimeout(Duration.ofMillis(300)))
        .get("/", (req, res) -> res.text("Hello, World!"))
        .get("/big", (req, res) -> res.body(BIG))
        .get("/n/{id}", (req, res) -> res.text(req.pathParam("id")))
        .post("/count", (req, res) -> {
          byte[] body = req.bodyAsBytes();
          res.text(body.length + " " + Arrays.hashCode(body));
        })
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void manyConnectionsReadyAtOnceEachGetTheirOwnResponse() throws Exception {
    // More connections than the event loop wakes between yields, and than its first ready list holds.
    RawClient[] clients = new RawClient[200];
    try {
      for (int i = 0; i < clients.length; i++) clients[i] = new RawClient(server.port());
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < clients.length; i++) {
          clients[i].send("GET /n/" + round + "-" + i + " HTTP/1.1\nHost: localhost\n\n");
        }
        for (int i = 0; i < clients.length; i++) {
          String response = clients[i].readResponse();
          assertTrue(response.startsWith("HTTP/1.1 200 "), response);
          assertTrue(response.endsWith("\r\n\r\n" + round + "-" + i), response);
        }
      }
    } finally {
      for (RawClient client : clients) if (client != null) client.close();
    }
  }

  @Test
  void servesSeveralRequestsOnOneConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      for (int i = 0; i < 5; i++) {
        String response = client.send("""
            GET / HTTP/1.1
            Host: localhost

            """).readResponse();
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nHello, World!"), response);
      }
    }
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          GET / HTTP/1.1
          Host: localhost

          POST /count HTTP/1.1
          Host: localhost
          Content-Length: 3

          abcGET / HTTP/1.1
          Host: localhost

          """);
      assertTrue(client.readResponse().endsWith("Hello, World!"));
      assertTrue(client.readResponse().endsWith("\r\n\r\n3 " + Arrays.hashCode("abc".getBytes(StandardCharsets.US_ASCII))));
      assertTrue(client.readResponse().endsWith("Hello, World!"));
    }
  }

  @Test
  void readsALargeRequestBody() throws Exception {
    byte[] body = Arrays.copyOf(BIG, 3 << 20);
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          POST /count HTTP/1.1
          Host: localhost
          Content-Length: %d

          """.formatted(body.length)).sendRaw(body);
      String response = client.readResponse();
      assertTrue(response.endsWith("\r\n\r\n" + body.length + " " + Arrays.hashCode(body)), response);
    }
  }

  @Test
  void sendsALargeResponseBodyThatOutgrowsTheSocketBuffer() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setReceiveBufferSize(16 * 1024);
      socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      assertTrue(head.contains("\r\nContent-Length: " + BIG.length + "\r\n"), head);
      assertArrayEquals(BIG, in.readNBytes(BIG.length));
    }
  }

  @Test
  void closesAnIdleConnectionAfterTheIdleTimeout() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      assertTrue(client.send("""
          GET / HTTP/1.1
          Host: localhost

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void closeEndsIdleConnectionsAndStopsAccepting() throws Exception {
    int port = server.port();
    try (RawClient client = new RawClient(port)) {
      assertTrue(client.send("""
          GET / HTTP/1.1
          Host: localhost

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
      server.close();
      assertTrue(client.isClosedByServer());
      assertEquals(0, server.connectionCount());
    }
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
  }

  @Test
  void connectionCloseIsAnsweredAndTheConnectionClosed() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET / HTTP/1.1
          Host: localhost
          Connection: close

          """).readResponse();
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertFalse(response.isEmpty());
      assertTrue(client.isClosedByServer());
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("closed before the head ended: " + head);
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
