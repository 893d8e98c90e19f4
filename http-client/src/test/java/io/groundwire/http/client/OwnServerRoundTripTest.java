package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round trips against Groundwire's own server: every method, bodies of 0, 1 and 50 MiB, reuse, threads. */
class OwnServerRoundTripTest {
  private static final long FIFTY_MIB = 50L * 1024 * 1024;
  private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private static HttpServer server;

  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  /** Answers every method: the request body's SHA-256 and length, or a generated body of ?size= bytes. */
  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.builder()
        .port(0)
        .options(o -> o.maxBodySize(FIFTY_MIB * 2).bodyTimeout(Duration.ofSeconds(30)))
        .handler((request, response) -> {
          clientPorts.add(request.remoteAddress().getPort());
          String size = request.queryParam("size");
          if (size != null) {
            long n = Long.parseLong(size);
            response.header("X-Sha256", sha256(new PatternStream(n)));
            response.stream(new PatternStream(n), n);
            return;
          }
          MessageDigest digest = MessageDigest.getInstance("SHA-256");
          long length;
          try (InputStream in = new DigestInputStream(request.body(), digest)) {
            length = in.transferTo(OutputStream.nullOutputStream());
          }
          response.text(request.method() + " " + length + " " + HexFormat.of().formatHex(digest.digest()));
        })
        .build()
        .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  @ParameterizedTest(name = "{0} with {1} bytes")
  @CsvSource({"POST,0", "POST,1", "POST,52428800", "PUT,0", "PUT,1", "PUT,52428800", "PATCH,1", "PATCH,52428800",
      "DELETE,0", "DELETE,1", "DELETE,52428800"})
  void sendsBodiesOfEverySize(String method, long size) throws Exception {
    RequestBody body = RequestBody.ofStream(new PatternStream(size), size, "application/octet-stream");
    Request request = Request.builder(url("/upload")).method(method, body).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(200, response.status());
      assertEquals(method + " " + size + " " + sha256(new PatternStream(size)), response.body().string());
    }
  }

  @ParameterizedTest(name = "GET of {0} bytes")
  @CsvSource({"0", "1", "52428800"})
  void receivesBodiesOfEverySize(long size) throws Exception {
    try (Response response = clients.newClient().send(Request.get(url("/download?size=" + size)))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long read;
      try (InputStream in = new DigestInputStream(response.body().byteStream(), digest)) {
        read = in.transferTo(OutputStream.nullOutputStream());
      }
      assertEquals(size, read);
      assertEquals(response.header("X-Sha256"), HexFormat.of().formatHex(digest.digest()));
    }
  }

  @Test
  void headAndOptionsAndGetWithoutBodies() throws Exception {
    HttpClient client = clients.newClient();
    try (Response head = client.send(Request.builder(url("/download?size=10")).head().build())) {
      assertEquals(200, head.status());
      assertEquals(0, head.body().bytes().length);
    }
    for (String method : List.of("GET", "OPTIONS", "DELETE")) {
      try (Response response = client.send(Request.builder(url("/x")).method(method, null).build())) {
        assertEquals(200, response.status(), method);
        assertTrue(response.body().string().startsWith(method + " 0 "), method);
      }
    }
  }

  @Test
  void reusesOneConnectionForSequentialRequests() throws Exception {
    HttpClient client = clients.newClient();
    clientPorts.clear();
    for (int i = 0; i < 20; i++) {
      try (Response response = client.send(Request.get(url("/n")))) {
        response.body().bytes();
      }
    }
    assertEquals(1, clientPorts.size(), "the server saw more than one connection: " + clientPorts);
  }

  @Test
  void sharesOneClientBetweenManyThreads() throws Exception {
    HttpClient client = clients.newClient(b -> b.maxIdleConnections(64));
    clientPorts.clear();
    int threads = 32;
    int perThread = 50;
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        results.add(executor.submit(() -> {
          int ok = 0;
          for (int i = 0; i < perThread; i++) {
            RequestBody body = RequestBody.of(("thread " + id + " request " + i).getBytes(), "text/plain");
            try (Response response = client.send(Request.builder(url("/t")).post(body).build())) {
              if (response.body().string().startsWith("POST " + body.contentLength() + " ")) {
                ok++;
              }
            }
          }
          return ok;
        }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get();
      }
      assertEquals(threads * perThread, total);
    }
    assertTrue(clientPorts.size() <= threads, "more connections than threads: " + clientPorts.size());
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code length} bytes of a repeating pattern, generated without holding them in memory. */
  static final class PatternStream extends InputStream {
    private long remaining;
    private long position;

    PatternStream(long length) {
      this.remaining = length;
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return (int) (position++ * 31 % 251);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) (position++ * 31 % 251);
      }
      remaining -= n;
      return n;
    }
  }
}
