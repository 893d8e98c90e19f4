package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener sees each phase of a call, in order: TLS handshakes, retries and redirects included. */
class EventListenerTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static Path keystore;

  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void generateKeystore() throws Exception {
    keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    assertEquals(0, p.exitValue(), output);
  }

  private static SSLContext trusting() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private final EventListener recorder = new EventListener() {
    @Override
    public void callStart(Request request) {
      events.add("callStart");
    }

    @Override
    public void connectStart(Request request, InetSocketAddress address) {
      events.add("connectStart");
    }

    @Override
    public void secureConnectStart(Request request) {
      events.add("secureConnectStart");
    }

    @Override
    public void secureConnectEnd(Request request, String protocol) {
      events.add("secureConnectEnd " + protocol);
    }

    @Override
    public void connectEnd(Request request, InetSocketAddress address) {
      events.add("connectEnd");
    }

    @Override
    public void connectionAcquired(Request request, boolean reused) {
      events.add(reused ? "reused" : "acquired");
    }

    @Override
    public void requestHeadersSent(Request request) {
      events.add("requestHeadersSent");
    }

    @Override
    public void requestBodySent(Request request, long bytes) {
      events.add("requestBodySent " + bytes);
    }

    @Override
    public void responseHeadersReceived(Request request, Response response) {
      events.add("responseHeadersReceived " + response.status());
    }

    @Override
    public void responseBodyEnd(Request request, long bytes) {
      events.add("responseBodyEnd " + bytes);
    }

    @Override
    public void redirect(Response response, Request next) {
      events.add("redirect " + next.url().encodedPath());
    }

    @Override
    public void retry(Request request, IOException cause) {
      events.add("retry " + cause.getClass().getSimpleName());
    }

    @Override
    public void callEnd(Request request) {
      events.add("callEnd");
    }

    @Override
    public void callFailed(Request request, IOException failure) {
      events.add("callFailed");
    }
  };

  @Test
  void reportsEveryPhaseOfACallWithRedirect() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.readBody(3);
      c.write("HTTP/1.1 303 See Other\nLocation: /done\nContent-Length: 0\n\n");
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      c.readHead();
    })) {
      HttpClient client = clients.newClient(b -> b.eventListener(recorder));
      Request post = Request.builder(server.url("/form")).post(RequestBody.of("a=1", "text/plain")).build();
      try (Response response = client.send(post)) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(List.of("callStart", "connectStart", "connectEnd", "acquired", "requestHeadersSent",
          "requestBodySent 3", "responseHeadersReceived 303", "responseBodyEnd 0", "redirect /done", "reused",
          "requestHeadersSent", "responseHeadersReceived 200", "callEnd", "responseBodyEnd 2"), events);
    }
  }

  @Test
  void showsTheRequestHeadExactlyAsItWentOnTheWire() throws Exception {
    List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.readBody(3);
      c.write("HTTP/1.1 200 OK\nContent-Length: 0\n\n");
    })) {
      HttpClient client = clients.newClient(b -> b.eventListener(new EventListener() {
        @Override
        public void requestHeadersSent(Request request, String head) {
          heads.add(head);
        }
      }));
      Request post = Request.builder(server.url("/form")).header("X-Trace", "1")
          .post(RequestBody.of("a=1", "text/plain")).build();
      try (Response response = client.send(post)) {
        assertEquals(200, response.status());
      }
      assertEquals(List.of(server.takeRequest()), heads);
      assertTrue(heads.get(0).contains("\r\nUser-Agent: groundwire/0.1\r\n"), heads.get(0));
      assertTrue(heads.get(0).contains("\r\nContent-Length: 3\r\n"), heads.get(0));
    }
  }

  @Test
  void reportsTheTlsHandshakeInsideTheConnect() throws Exception {
    try (HttpServer server = HttpServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress())
        .options(o -> o.tls(keystore, PASSWORD))
        .get("/", (req, res) -> res.text("secure")).start()) {
      SSLContext trusting = trusting();
      HttpClient client = clients.newClient(b -> b.eventListener(recorder).sslContext(trusting));
      try (Response response = client.send(Request.get("https://127.0.0.1:" + server.port() + "/"))) {
        assertEquals("secure", response.body().string());
      }
      assertEquals(List.of("callStart", "connectStart", "secureConnectStart", "secureConnectEnd TLSv1.3",
          "connectEnd", "acquired", "requestHeadersSent", "responseHeadersReceived 200", "callEnd",
          "responseBodyEnd 6"), events);
    }
  }

  @Test
  void reportsTheRetryOfAGetOnAStalePooledConnection() throws Exception {
    CountDownLatch firstClosed = new CountDownLatch(1);
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.write("""
          HTTP/1.1 200 OK
          Content-Length: 2

          ok""");
      if (c.index == 0) {
        c.socket.close(); // without Connection: close, so the client pools it
        firstClosed.countDown();
        return;
      }
      c.readHead();
    })) {
      HttpClient client = clients.newClient(b -> b.eventListener(recorder));
      try (Response first = client.send(Request.get(server.url("/a")))) {
        assertEquals("ok", first.body().string());
      }
      assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
      events.clear();
      try (Response second = client.send(Request.get(server.url("/b")))) {
        assertEquals("ok", second.body().string());
      }
      assertEquals(List.of("callStart", "reused", "requestHeadersSent", "retry ConnectionClosedException",
          "connectStart", "connectEnd", "acquired", "requestHeadersSent", "responseHeadersReceived 200",
          "callEnd", "responseBodyEnd 2"), events);
      assertEquals(2, server.connections.get());
    }
  }

  @Test
  void reportsFailure() throws Exception {
    try (RawServer server = new RawServer(c -> c.readHead())) {
      HttpClient client = clients.newClient(b -> b.eventListener(recorder));
      try {
        client.send(Request.get(server.url("/")));
      } catch (ConnectionClosedException expected) {
        // the server closed without answering
      }
      assertEquals("callFailed", events.get(events.size() - 1));
    }
  }
}
