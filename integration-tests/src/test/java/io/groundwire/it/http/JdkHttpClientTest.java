package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.http.DemoSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JDK's java.net.http client against {@code groundwire http-server} serving the demo. */
@Timeout(120)
class JdkHttpClientTest {
  private static final DemoSite DEMO = DemoSite.load();
  private static HttpServerProcess server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new HttpServerProcess();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20));
  }

  @Test
  void pageAndImageArriveIntactWithTheirTypes() throws Exception {
    HttpResponse<byte[]> page = client.send(request("/").build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> image = client.send(request(DemoSite.IMAGE_PATH).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(DEMO.page(), page.body());
    assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(DEMO.image(), image.body());
  }

  @Test
  void formPostIsShownEscaped() throws Exception {
    HttpResponse<String> response = client.send(request("/form")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("name=%3Cb%3EAda%3C%2Fb%3E&message=1+%2B+1+%3D+2")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("&lt;b&gt;Ada&lt;/b&gt;"), response.body());
    assertTrue(response.body().contains("1 + 1 = 2"), response.body());
  }

  @Test
  void headHasTheLengthOfGetAndNoBody() throws Exception {
    HttpResponse<byte[]> response = client.send(request(DemoSite.IMAGE_PATH)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals(String.valueOf(DEMO.image().length), response.headers().firstValue("Content-Length").orElseThrow());
    assertEquals(0, response.body().length);
  }

  @Test
  void unknownPathIs404() throws Exception {
    HttpResponse<String> response = client.send(request("/nope").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
  }
}
