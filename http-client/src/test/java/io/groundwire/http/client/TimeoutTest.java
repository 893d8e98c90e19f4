package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each time limit raises its own exception type, promptly. */
class TimeoutTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void connectTimeoutWhenTheServerNeverCompletesTheHandshake() throws Exception {
    // A listener that never accepts, with its accept queue filled: further SYNs go unanswered.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(listener.getLocalSocketAddress(), 200);
            fillers.add(filler);
          } catch (java.io.IOException full) {
            filler.close();
            break; // the queue is full now
          }
        }
        HttpClient client = clients.newClient(b -> b.connectTimeout(Duration.ofMillis(300)));
        String url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalSocketAddress()).getPort() + "/";
        long start = System.nanoTime();
        assertThrows(ConnectTimeoutException.class, () -> client.send(Request.get(url)));
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  @Test
  void writeTimeoutWhenTheServerStopsReading() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.socket.setReceiveBufferSize(4096);
      done.await(10, TimeUnit.SECONDS); // never reads
    })) {
      HttpClient client = clients.newClient(b -> b.writeTimeout(Duration.ofMillis(300)));
      Request upload = Request.builder(server.url("/upload"))
          .post(RequestBody.of(new byte[64 * 1024 * 1024], "application/octet-stream")).build();
      long start = System.nanoTime();
      assertThrows(WriteTimeoutException.class, () -> client.send(upload));
      assertTrue(System.nanoTime() - start < 5_000_000_000L);
    } finally {
      done.countDown();
    }
  }

  @Test
  void callTimeoutCoversReadingTheBody() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 1000\n\nstart");
      // then trickle nothing more; the read timeout is longer than the call deadline
      done.await(10, TimeUnit.SECONDS);
    })) {
      HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofMillis(400)));
      try (Response response = client.send(Request.get(server.url("/")))) {
        long start = System.nanoTime();
        assertThrows(CallTimeoutException.class, () -> response.body().bytes());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
      }
    } finally {
      done.countDown();
    }
  }
}
