package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TLS handshake as a whole is bounded by the connect timeout and the call timeout, also when
 * the server keeps each read short by sending one byte at a time.
 */
class TlsHandshakeDeadlineTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();
  private final CountDownLatch stop = new CountDownLatch(1);

  /** A "server" that starts a 16 KiB TLS handshake record, then sends a byte of it every 50 ms. */
  private RawServer dribblingServer() throws Exception {
    return new RawServer(c -> {
      c.writeRaw(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
      for (int i = 0; i < 400 && !stop.await(50, TimeUnit.MILLISECONDS); i++) {
        c.writeRaw(new byte[] {0});
      }
    });
  }

  @AfterEach
  void stopServers() {
    stop.countDown();
  }

  private static String https(RawServer server) {
    return server.url("/").replace("http://", "https://");
  }

  @Test
  void connectTimeoutEndsAHandshakeDribbledByteByByte() throws Exception {
    try (RawServer server = dribblingServer()) {
      HttpClient client = clients.newClient(b -> b.connectTimeout(Duration.ofMillis(400)).callTimeout(Duration.ZERO));
      long start = System.nanoTime();
      ConnectTimeoutException e = assertThrows(ConnectTimeoutException.class, () -> client.send(Request.get(https(server))));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_000, "took " + millis + " ms");
      assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    }
  }

  @Test
  void callTimeoutEndsAHandshakeDribbledByteByByte() throws Exception {
    try (RawServer server = dribblingServer()) {
      HttpClient client = clients.newClient(b -> b.connectTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMillis(400)));
      long start = System.nanoTime();
      assertThrows(CallTimeoutException.class, () -> client.send(Request.get(https(server))));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_000, "took " + millis + " ms");
    }
  }
}
