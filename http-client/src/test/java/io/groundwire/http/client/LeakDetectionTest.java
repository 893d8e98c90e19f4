package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/** A response that is never closed cannot go unnoticed. */
class LeakDetectionTest {
  private static final String BODY_RESPONSE = """
      HTTP/1.1 200 OK
      Content-Length: 5

      hello""";

  @Test
  void logsAndReleasesABodyGarbageCollectedWithoutClose() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("io.groundwire.http.client");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write(BODY_RESPONSE);
      c.readHead();
    }); HttpClient client = HttpClient.newClient()) {
      sendAndForget(client, server.url("/forgotten"));
      assertEquals(1, client.connectionsInUse());
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
        System.gc();
        return client.connectionsInUse() == 0;
      });
      assertTrue(warnings.stream().anyMatch(w -> w.contains("never closed") && w.contains("/forgotten")), warnings.toString());
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static void sendAndForget(HttpClient client, String url) throws Exception {
    client.send(Request.get(url)); // deliberately neither closed nor read
  }

  @Test
  void keepsStreamingWhenOnlyTheBodyStreamIsKept() throws Exception {
    byte[] part = new byte[64 * 1024];
    java.util.concurrent.CountDownLatch more = new java.util.concurrent.CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: " + 2 * part.length + "\n\n");
      c.writeRaw(part);
      more.await(10, java.util.concurrent.TimeUnit.SECONDS);
      c.writeRaw(part);
      c.readHead();
    }); HttpClient client = HttpClient.newClient()) {
      java.io.InputStream in = client.send(Request.get(server.url("/stream"))).body().byteStream();
      assertEquals(part.length, in.readNBytes(part.length).length);
      for (int i = 0; i < 5; i++) {
        System.gc(); // the Response and ResponseBody are garbage now; the stream is not
      }
      more.countDown();
      assertEquals(part.length, in.readNBytes(part.length).length);
      assertEquals(-1, in.read());
      in.close();
      assertEquals(0, client.connectionsInUse());
      assertEquals(1, client.idleConnections());
    }
  }

  @Test
  void leakCheckExtensionFailsTheTestThatLeaked() throws Exception {
    ClientLeakCheck check = new ClientLeakCheck();
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write(BODY_RESPONSE);
      c.readHead();
    })) {
      Response leaked = check.newClient().send(Request.get(server.url("/")));
      AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> check.afterEach(passingTest()));
      assertTrue(failure.getMessage().contains("leaked 1 connection"), failure.getMessage());
      leaked.close();
    }
  }

  @Test
  void leakCheckExtensionPassesWhenEveryResponseWasClosed() throws Exception {
    ClientLeakCheck check = new ClientLeakCheck();
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write(BODY_RESPONSE);
      c.readHead();
    })) {
      try (Response response = check.newClient().send(Request.get(server.url("/")))) {
        assertEquals(200, response.status());
      }
      check.afterEach(passingTest());
    }
  }

  /** An ExtensionContext for a test that passed: the only thing the check asks. */
  private static ExtensionContext passingTest() {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("getExecutionException")) {
            return Optional.empty();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
