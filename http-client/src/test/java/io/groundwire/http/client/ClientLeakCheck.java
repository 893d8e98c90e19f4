package io.groundwire.http.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Creates the clients a test uses and, after each test, fails it if any connection is still in use
 * (a response not closed nor read to its end), then closes the clients. Register with
 * {@code @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();}.
 */
public final class ClientLeakCheck implements AfterEachCallback {
  private final List<HttpClient> clients = new ArrayList<>();

  /** A client with test-friendly short timeouts, customised by {@code configure}. */
  public HttpClient newClient(UnaryOperator<HttpClient.Builder> configure) {
    HttpClient client = configure.apply(HttpClient.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(20))).build();
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /** A client with test-friendly defaults. */
  public HttpClient newClient() {
    return newClient(b -> b);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<HttpClient> all;
    synchronized (clients) {
      all = new ArrayList<>(clients);
      clients.clear();
    }
    try {
      for (HttpClient client : all) {
        try {
          // async calls may still be finishing their release on another thread
          await().atMost(Duration.ofSeconds(2)).until(() -> client.connectionsInUse() == 0);
        } catch (ConditionTimeoutException e) {
          if (context.getExecutionException().isEmpty()) {
            fail("leaked " + client.connectionsInUse() + " connection(s): a Response was neither closed nor read to its end");
          }
        }
      }
    } finally {
      all.forEach(HttpClient::close);
    }
  }
}
