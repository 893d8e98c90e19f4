package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing a response from another thread cancels its download cleanly. */
class CrossThreadCloseTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  /** Reads the body to its end on a thread of its own; completes with what ended the reading. */
  private static CompletableFuture<Throwable> readOnAnotherThread(Response response, CountDownLatch started) {
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread.ofPlatform().daemon().start(() -> {
      byte[] chunk = new byte[1024];
      try (InputStream in = response.body().byteStream()) {
        while (in.read(chunk) != -1) {
          started.countDown();
        }
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    });
    return outcome;
  }

  @Test
  void closingFromAnotherThreadWhileTheBodyStreamsFailsTheReaderWithAnIOException() throws Exception {
    byte[] block = new byte[64 * 1024];
    try (RawServer server = new RawServer(c -> {
      while (c.readHead() != null) {
        c.write("HTTP/1.1 200 OK\nContent-Length: " + (1L << 40) + "\n\n");
        for (int i = 0; i < 100_000; i++) {
          c.writeRaw(block);
        }
      }
    })) {
      HttpClient client = clients.newClient();
      for (int round = 0; round < 20; round++) {
        Response response = client.send(Request.get(server.url("/big")));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = readOnAnotherThread(response, started);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        response.close();
        Throwable failure = outcome.get(5, TimeUnit.SECONDS);
        assertInstanceOf(IOException.class, failure, "round " + round + ": " + failure);
        assertTrue(failure.getMessage().contains("closed by another thread"), failure.getMessage());
        assertEquals(0, client.connectionsInUse());
      }
    }
  }

  @Test
  void closingFromAnotherThreadEndsAReadWaitingForTheServer() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 100\n\nfirst bytes");
      done.await(20, TimeUnit.SECONDS); // the rest never comes
    })) {
      HttpClient client = clients.newClient();
      Response response = client.send(Request.get(server.url("/stalls")));
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Throwable> outcome = readOnAnotherThread(response, started);
      assertTrue(started.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      response.close();
      Throwable failure = outcome.get(3, TimeUnit.SECONDS); // well before the 5 s read timeout
      assertInstanceOf(IOException.class, failure);
      assertTrue(System.nanoTime() - start < 3_000_000_000L);
      assertEquals(0, client.connectionsInUse());
    } finally {
      done.countDown();
    }
  }
}
