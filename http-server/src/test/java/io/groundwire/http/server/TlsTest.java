package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore through JSSE. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static Path keystore;

  @BeforeAll
  static void generateKeystore() throws Exception {
    keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
  }

  private static SSLContext trusting() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  @Test
  void servesHttpsWithTheKeystoresCertificate() throws Exception {
    try (HttpServer server = HttpServer.builder().port(0).options(o -> o.tls(keystore, PASSWORD))
        .get("/", (req, res) -> res.text("secure=" + req.secure()))
        .post("/echo", (req, res) -> res.text(req.bodyAsString()))
        .start()) {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting()).version(HttpClient.Version.HTTP_1_1).build();
      URI base = URI.create("https://localhost:" + server.port());
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals("secure=true", response.body());
      String big = "x".repeat(100_000);
      HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
          .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(big, echoed.body());
    }
  }

  @Test
  void headSentTooSlowlyOverTlsGets408() throws Exception {
    try (HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.tls(keystore, PASSWORD).headerTimeout(Duration.ofMillis(300)))
        .get("/", (req, res) -> res.text("x")).start();
        SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout"), response);
    }
  }

  @Test
  void stalledWriteOverTlsClosesTheConnection() throws Exception {
    byte[] chunk = new byte[1 << 20];
    try (HttpServer server = HttpServer.builder().port(0)
        .options(o -> o.tls(keystore, PASSWORD).writeTimeout(Duration.ofMillis(300)))
        .get("/huge", (req, res) -> res.body(-1, out -> {
          for (int i = 0; i < 512; i++) out.write(chunk);
        })).start();
        SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.getOutputStream().write("GET /huge HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush(); // and never read
      await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
    }
  }

  @Test
  void wrongPasswordFailsAtStart() {
    HttpServer server = HttpServer.builder().port(0).options(o -> o.tls(keystore, "wrong".toCharArray()))
        .get("/", (req, res) -> res.text("x")).build();
    assertThrows(IOException.class, server::start);
  }
}
