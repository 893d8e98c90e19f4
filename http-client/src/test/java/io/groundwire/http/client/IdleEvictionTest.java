package io.groundwire.http.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idle pooled connections are closed when their keep-alive ends, also on a client nobody calls any more. */
class IdleEvictionTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void anIdleConnectionIsClosedAtTheEndOfItsKeepAliveWithoutAnotherCall() throws Exception {
    CountDownLatch serverSawClose = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      if (c.readHead() == null) { // the client closed its end
        serverSawClose.countDown();
      }
    })) {
      // longer than the watchdog's one idle second, so it must wake up for the expiry
      HttpClient client = clients.newClient(b -> b.keepAlive(Duration.ofMillis(1500)));
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(1, client.idleConnections());
      await().atMost(Duration.ofSeconds(5)).until(() -> client.idleConnections() == 0);
      assertEquals(true, serverSawClose.await(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void aCallMadeWhileTheWatchdogWaitsForAnExpiryStillHasItsReadTimeout() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      c.readHead();
      done.await(20, TimeUnit.SECONDS); // the second request is never answered
    })) {
      HttpClient client = clients.newClient(b -> b.keepAlive(Duration.ofSeconds(30)).readTimeout(Duration.ofMillis(300)));
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertEquals("ok", response.body().string());
      }
      // past the watchdog's idle second: it now sleeps until the keep-alive ends, 30 s away
      await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
          .until(() -> client.idleConnections() == 1);
      long start = System.nanoTime();
      assertThrows(ReadTimeoutException.class, () -> client.send(Request.get(server.url("/never"))));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_000, "took " + millis + " ms");
    } finally {
      done.countDown();
    }
  }

  @Test
  void aConnectionStaysPooledUntilItsKeepAliveEnds() throws Exception {
    try (RawServer server = new RawServer(c -> {
      while (c.readHead() != null) {
        c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      }
    })) {
      HttpClient client = clients.newClient(b -> b.keepAlive(Duration.ofSeconds(30)));
      for (int i = 0; i < 2; i++) {
        try (Response response = client.send(Request.get(server.url("/")))) {
          assertEquals("ok", response.body().string());
        }
        // kept past the watchdog's idle second, then reused
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
            .until(() -> client.idleConnections() == 1);
      }
      assertEquals(1, server.connections.get());
    }
  }
}
