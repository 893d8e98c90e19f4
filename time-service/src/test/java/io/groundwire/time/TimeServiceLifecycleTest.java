package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.HttpServer;
import io.groundwire.time.internal.OneShot;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeServiceLifecycleTest {
  private static TimeServiceOptions.Builder loopback() {
    return TimeServiceOptions.builder().bindAddress(InetAddress.getLoopbackAddress()).ephemeralPorts();
  }

  @Test
  void portInUseFailsToStartAndLeavesNothingRunning() throws IOException {
    try (TimeService first = TimeService.start(loopback().build())) {
      int taken = first.timeAddress().getPort();
      BindException e = assertThrows(BindException.class,
          () -> TimeService.start(loopback().timePort(taken).build()));
      assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
      // The first service still answers on the contested port.
      assertEquals(4, OneShot.tcp(first.timeAddress(), Duration.ofSeconds(2), 16).length);
    }
  }

  @Test
  void listenersTurnedOffHaveNoAddress() throws IOException {
    try (TimeService service = TimeService.start(loopback().httpPort(-1).daytimePort(-1).build())) {
      assertNull(service.httpAddress());
      assertNull(service.daytimeAddress());
      assertTrue(service.sntpAddress().getPort() > 0);
    }
  }

  @Test
  void closeIsIdempotentAndReleasesAwaitTermination() throws Exception {
    TimeService service = TimeService.start(loopback().build());
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        service.awaitTermination();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    service.close();
    service.close();
    waiter.join(Duration.ofSeconds(5));
    assertTrue(!waiter.isAlive());
  }

  @Test
  void httpHandlerMountsInAnotherServer() throws Exception {
    try (HttpServer server = HttpServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
            .handler(TimeService.httpHandler(TimeServiceOptions.defaults())).start();
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/api/timezone/UTC")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("\"timezone\":\"UTC\""), response.body());
    }
  }
}
