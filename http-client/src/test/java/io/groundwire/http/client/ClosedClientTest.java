package io.groundwire.http.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After {@link HttpClient#close()}: calls in progress keep their time limits; new calls are refused at once. */
class ClosedClientTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  @Test
  void aCallInProgressStillTimesOutAfterTheClientIsClosed() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      release.await(20, TimeUnit.SECONDS); // never answers while the test runs
    })) {
      HttpClient client = clients.newClient(b -> b.readTimeout(Duration.ofMillis(500)));
      CompletableFuture<Response> call = client.sendAsync(Request.get(server.url("/")));
      await().atMost(Duration.ofSeconds(5)).until(() -> client.connectionsInUse() == 1);
      client.close();
      ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ReadTimeoutException.class, e.getCause());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aCallAfterCloseIsRefusedWithoutBeingSent() throws Exception {
    try (RawServer server = new RawServer(c -> c.readHead())) {
      HttpClient client = clients.newClient();
      client.close();
      HttpClientException e = assertThrows(HttpClientException.class, () -> client.send(Request.get(server.url("/"))));
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
      CompletableFuture<Response> async = client.sendAsync(Request.get(server.url("/")));
      ExecutionException failed = assertThrows(ExecutionException.class, () -> async.get(5, TimeUnit.SECONDS));
      assertInstanceOf(HttpClientException.class, failed.getCause());
      assertTrue(server.connections.get() == 0, "nothing connected");
    }
  }
}
