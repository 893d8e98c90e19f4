package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConcurrentClientsTest {
  @Test
  void thousandConcurrentClientsEachGetTheirOwnPayloadBack() throws Exception {
    int clients = 1_000;
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).bufferSize(4096).build());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch allConnected = new CountDownLatch(clients);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        byte[] payload = ("client " + i + " says " + "x".repeat(i % 97)).getBytes(StandardCharsets.UTF_8);
        results.add(executor.submit(() -> {
          try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
            allConnected.countDown();
            // every client holds its connection until all are open, so they really are concurrent
            allConnected.await(30, TimeUnit.SECONDS);
            assertArrayEquals(payload, client.echo(payload));
            return true;
          }
        }));
      }
      for (Future<Boolean> result : results) {
        assertEquals(true, result.get(60, TimeUnit.SECONDS));
      }
      assertEquals(clients, server.stats().accepted());
      assertEquals(0, server.stats().refused());
    }
  }
}
