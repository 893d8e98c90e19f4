package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.http.DemoSite;
import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.HttpServerOptions;
import io.groundwire.it.support.ExternalProgram;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * nginx in front of our server (the demo plus {@code /whoami} and {@code /echo}), as in the seed's
 * deployment: pages, images and POST bodies arrive intact and the handler sees X-Forwarded-For.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class NginxProxyTestBase {
  final DemoSite demo = DemoSite.load();
  final Set<Integer> upstreamPorts = ConcurrentHashMap.newKeySet();
  final Set<String> upstreamVersions = ConcurrentHashMap.newKeySet();
  HttpServer server;
  NginxInFront nginx;
  HttpClient client;
  Path directory;

  /** True for proxy_http_version 1.1 with upstream keepalive, false for nginx's default. */
  abstract boolean http11KeepAlive();

  @BeforeAll
  void start() throws Exception {
    Path program = ExternalProgram.require("nginx", "nginx");
    directory = Files.createTempDirectory("groundwire-nginx");
    server = HttpServer.create(
        HttpServerOptions.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
            .maxBodySize(16 << 20).build(),
        demo.addRoutes(io.groundwire.http.server.Router.builder())
            .get("/whoami", (req, res) -> {
              upstreamPorts.add(req.remoteAddress().getPort());
              upstreamVersions.add(req.version().toString());
              res.text("x-forwarded-for=" + req.header("X-Forwarded-For") + "\n");
            })
            .post("/echo", (req, res) -> res.contentType("application/octet-stream").body(req.bodyAsBytes()))
            .build());
    server.start();
    nginx = new NginxInFront(program, directory, server.port(), http11KeepAlive());
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (nginx != null) {
      nginx.close();
    }
    if (server != null) {
      server.close();
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void pageAndImageArriveIntactThroughNginx() throws Exception {
    HttpResponse<byte[]> page = get("/");
    assertEquals(200, page.statusCode(), nginx.errorLog());
    assertArrayEquals(demo.page(), page.body());
    HttpResponse<byte[]> image = get(DemoSite.IMAGE_PATH);
    assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(demo.image(), image.body());
  }

  @Test
  void postBodiesArriveIntactThroughNginx() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024 + 7];
    new Random(7).nextBytes(body);
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/echo"))
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), nginx.errorLog());
    assertArrayEquals(body, response.body());
  }

  @Test
  void formPostIsAnsweredThroughNginx() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/form"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("name=%3Ci%3Enginx%3C%2Fi%3E")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("&lt;i&gt;nginx&lt;/i&gt;"), response.body());
  }

  @Test
  void handlerSeesXForwardedFor() throws Exception {
    HttpResponse<byte[]> response = get("/whoami");
    assertEquals("x-forwarded-for=127.0.0.1\n", new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
