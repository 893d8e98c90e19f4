package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.Status;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing handler gets 500 (or its mapped status) and the connection survives. */
class HandlerExceptionTest {
  private HttpServer server;
  private final java.util.concurrent.CompletableFuture<java.io.IOException> bodyFailure =
      new java.util.concurrent.CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .get("/boom", (req, res) -> {
          res.header("X-Half-Done", "yes");
          throw new IllegalStateException("boom");
        })
        .get("/teapot", (req, res) -> {
          throw new HttpProtocolException(Status.of(418), "short and stout", false);
        })
        .get("/mapped", (req, res) -> {
          throw new UnsupportedOperationException("nope");
        })
        .get("/ok", (req, res) -> res.text("ok"))
        .post("/echo", (req, res) -> {
          try {
            res.text(req.bodyAsString());
          } catch (java.io.IOException e) {
            bodyFailure.complete(e);
            throw e;
          }
        })
        .routes(r -> r.exception(UnsupportedOperationException.class, 501))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void handlerExceptionIs500AndTheConnectionStaysOpen() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET /boom HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error"), response);
      assertFalse(response.contains("X-Half-Done"), response);
      assertFalse(response.contains("Connection: close"), response);
      assertTrue(client.send("""
          GET /ok HTTP/1.1
          Host: localhost

          """).readResponse().endsWith("ok"));
    }
  }

  @Test
  void handlerExceptionIsLoggedAsAnErrorWithTheRequestAndTheCause() throws Exception {
    try (LogCapture log = new LogCapture("io.groundwire.http.server.internal.Exchange");
        RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /boom HTTP/1.1
          Host: localhost

          """).readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> !log.records.isEmpty());
      LogRecord record = log.records.get(0);
      assertEquals(Level.SEVERE, record.getLevel()); // System.Logger ERROR
      assertTrue(record.getMessage().contains("GET /boom"), record.getMessage());
      assertInstanceOf(IllegalStateException.class, record.getThrown());
      assertEquals("boom", record.getThrown().getMessage());
    }
  }

  @Test
  void protocolExceptionFromAHandlerIsAnAnswerNotALoggedError() throws Exception {
    try (LogCapture log = new LogCapture("io.groundwire.http.server.internal.Exchange");
        RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /teapot HTTP/1.1
          Host: localhost

          """).readResponse();
      client.send("""
          GET /boom HTTP/1.1
          Host: localhost

          """).readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> !log.records.isEmpty());
      assertEquals(1, log.records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).count(),
          log.messages().toString());
      assertTrue(log.records.get(0).getMessage().contains("/boom"), log.messages().toString());
    }
  }

  @Test
  void aBodyTheClientStopsSendingIsA400ForTheHandlerAndNotALoggedError() throws Exception {
    try (LogCapture log = new LogCapture("io.groundwire.http.server.internal.Exchange");
        RawClient client = new RawClient(server.port())) {
      client.send("""
          POST /echo HTTP/1.1
          Host: localhost
          Content-Length: 10

          abc""");
      client.shutdownOutput(); // the client stops after 3 of the 10 bytes
      String response = client.readResponse();
      assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
      assertTrue(response.contains("Connection: close"), response);
      HttpProtocolException seen = assertInstanceOf(HttpProtocolException.class,
          bodyFailure.get(5, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(400, seen.status().code());
      assertTrue(log.records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
          log.messages().toString());
    }
  }

  @Test
  void protocolExceptionFromAHandlerGivesItsStatus() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET /teapot HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 418 "), response);
      assertFalse(response.contains("Connection: close"), response);
    }
  }

  @Test
  void mappedExceptionGivesTheMappedStatus() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET /mapped HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 501 Not Implemented"), response);
    }
  }
}
