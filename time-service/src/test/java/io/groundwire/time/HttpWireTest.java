package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API as bytes on the wire. */
class HttpWireTest {
  private TimeService service;

  @BeforeEach
  void start() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder().bindAddress(InetAddress.getLoopbackAddress())
        .ephemeralPorts().daytimePort(-1).timePort(-1).sntpPort(-1).rateLimit(0.01, 1)
        .clock(Clock.fixed(Instant.parse("2027-01-01T03:04:05Z"), ZoneOffset.UTC)).build());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.httpAddress().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void textTimeIsUncachablePlainText() throws IOException {
    String response = exchange("""
        GET /api/timezone/Etc/UTC.txt HTTP/1.1
        Host: time.example
        Connection: close

        """);
    assertTrue(response.startsWith("HTTP/1.1 200 "), response);
    assertTrue(response.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"), response);
    assertTrue(response.contains("\r\nCache-Control: no-store\r\n"), response);
    assertTrue(response.contains("\r\n\r\nabbreviation: UTC\nclient_ip: 127.0.0.1\n"
        + "datetime: 2027-01-01T03:04:05.000000+00:00\n"), response);
  }

  @Test
  void secondRequestOverTheLimitIs429WithRetryAfter() throws IOException {
    exchange("""
        GET /api/ip HTTP/1.1
        Host: time.example
        Connection: close

        """);
    String response = exchange("""
        GET /api/ip HTTP/1.1
        Host: time.example
        Connection: close

        """);
    assertTrue(response.startsWith("HTTP/1.1 429 "), response);
    assertTrue(response.contains("\r\nRetry-After: 100\r\n"), response);
    assertTrue(response.endsWith("{\"error\":\"too many requests; retry after 100 s\",\"retry_after\":100}"), response);
    assertEquals(1, service.stats().rateLimited());
  }
}
