package io.groundwire.it.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import io.groundwire.it.support.GroundwireCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real nginx over HTTP and HTTPS (a test certificate made with keytool). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NginxClientTest {
  private static final String SMALL = "hello from nginx\n".repeat(20);
  private static byte[] large;
  private static Nginx nginx;
  private static HttpClient client;

  @TempDir static Path dir;

  @BeforeAll
  static void startNginx() throws Exception {
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/small.txt"), SMALL);
    large = new byte[20 * 1024 * 1024];
    new Random(42).nextBytes(large);
    Files.write(dir.resolve("www/large.bin"), large);
    TestCertificate.create(dir);
    nginx = Nginx.start(dir);
    client = HttpClient.builder().trustCertificates(dir.resolve("cert.pem"), null).build();
  }

  @AfterAll
  static void stopNginx() {
    if (client != null) {
      client.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  @AfterEach
  void noConnectionLeftInUse() {
    assertEquals(0, client.connectionsInUse(), "a response was left open");
  }

  private static String http(String path) {
    return "http://127.0.0.1:" + nginx.httpPort + path;
  }

  private static String https(String path) {
    return "https://localhost:" + nginx.httpsPort + path;
  }

  @Test
  void getsSmallFileOverHttpDecodingGzip() throws Exception {
    try (Response response = client.send(Request.get(http("/small.txt")))) {
      assertEquals(200, response.status());
      assertNull(response.header("Content-Encoding"), "gzip should have been decoded");
      assertEquals(SMALL, response.body().string());
    }
  }

  @Test
  void keepsConnectionAliveAcrossRequests() throws Exception {
    try (HttpClient fresh = HttpClient.newClient()) {
      for (int i = 0; i < 10; i++) {
        try (Response response = fresh.send(Request.builder(http("/small.txt?keepalive=" + i)).build())) {
          assertEquals(SMALL, response.body().string());
        }
      }
    }
    // nginx logs a request after its response has gone out, so the last line may still be coming
    List<String> lines = await().atMost(Duration.ofSeconds(10))
        .until(() -> nginx.accessLog().stream().filter(l -> l.contains("keepalive=")).toList(), l -> l.size() >= 10);
    assertEquals(10, lines.size(), lines.toString());
    long connections = lines.stream().map(l -> l.split(" ")[0]).distinct().count();
    assertEquals(1, connections, "nginx saw these connections: " + lines);
  }

  @Test
  void downloadsLargeFileOverHttps() throws Exception {
    try (Response response = client.send(Request.get(https("/large.bin")))) {
      assertEquals(large.length, response.body().contentLength());
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      try (var in = response.body().byteStream()) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          digest.update(buffer, 0, n);
          total += n;
        }
      }
      assertEquals(large.length, total);
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(large), digest.digest());
    }
  }

  @Test
  void requestsARange() throws Exception {
    Request request = Request.builder(https("/large.bin")).header("Range", "bytes=1000-1999").build();
    try (Response response = client.send(request)) {
      assertEquals(206, response.status());
      assertEquals("bytes 1000-1999/" + large.length, response.header("Content-Range"));
      assertArrayEquals(Arrays.copyOfRange(large, 1000, 2000), response.body().bytes());
    }
  }

  @Test
  void followsNginxRedirect() throws Exception {
    try (Response response = client.send(Request.get(https("/redirect")))) {
      assertEquals(200, response.status());
      assertEquals(https("/small.txt"), response.request().url().toString());
    }
  }

  @Test
  void trustsCertificateFromPkcs12TrustStore() throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (var in = Files.newInputStream(dir.resolve("cert.pem"))) {
      trust.setCertificateEntry("nginx",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path store = dir.resolve("trust.p12");
    try (var out = Files.newOutputStream(store)) {
      trust.store(out, "secret".toCharArray());
    }
    try (HttpClient p12 = HttpClient.builder().trustCertificates(store, "secret".toCharArray()).build();
         Response response = p12.send(Request.get(https("/small.txt")))) {
      assertEquals(SMALL, response.body().string());
    }
  }

  @Test
  void rejectsUntrustedCertificate() {
    try (HttpClient defaults = HttpClient.newClient()) {
      assertThrows(SSLException.class, () -> defaults.send(Request.get(https("/small.txt"))));
    }
  }

  @Test
  void verifiesTheHostName() {
    // trusted certificate, but issued for localhost, not 127.0.0.1
    String byAddress = "https://127.0.0.1:" + nginx.httpsPort + "/small.txt";
    SSLException e = assertThrows(SSLException.class, () -> client.send(Request.get(byAddress)));
    assertTrue(String.valueOf(e.getMessage()).contains("127.0.0.1") || e.getCause() != null, e.toString());
  }

  @Test
  void cliReusesConnectionForSeveralUrls() throws Exception {
    Process process = GroundwireCli.start("http-client", "-s", "--cacert", dir.resolve("cert.pem").toString(),
        "-w", "|%{http_code} %{num_connects}|", https("/small.txt"), https("/small.txt"));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), err);
    assertEquals(SMALL + "|200 1|" + SMALL + "|200 0|", out);
  }

  @Test
  void cliInsecureAcceptsSelfSignedCertificate() throws Exception {
    Process process = GroundwireCli.start("http-client", "-k", "-I", https("/small.txt"));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
    assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
  }

  @Test
  void cliFailsOnUntrustedCertificateWithOneLine() throws Exception {
    Process process = GroundwireCli.start("http-client", https("/small.txt"));
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(35, process.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
  }

  @Test
  void readTimeoutIsNotTriggeredByAFastServer() throws Exception {
    try (HttpClient strict = HttpClient.builder().readTimeout(Duration.ofMillis(500))
        .trustCertificates(dir.resolve("cert.pem"), null).build()) {
      try (Response response = strict.send(Request.get(https("/large.bin")))) {
        assertEquals(large.length, response.body().bytes().length);
      }
    }
  }
}
