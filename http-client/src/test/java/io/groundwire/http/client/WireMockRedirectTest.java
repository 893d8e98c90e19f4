package io.groundwire.http.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects (RFC 9110 §15.4) against WireMock, verifying what the client actually sent. */
class WireMockRedirectTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static String url(String path) {
    return wm.baseUrl() + path;
  }

  private void redirect(String from, int status, String location) {
    wm.stubFor(any(urlEqualTo(from)).willReturn(aResponse().withStatus(status).withHeader("Location", location)
        .withBody("moved")));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void turnsPostIntoGetWithoutBody(int status) throws Exception {
    redirect("/form", status, "/result");
    wm.stubFor(get("/result").willReturn(aResponse().withBody("done")));
    Request request = Request.builder(url("/form")).post(RequestBody.of("a=1", "application/x-www-form-urlencoded"))
        .build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals("done", response.body().string());
      assertEquals("GET", response.request().method().name());
    }
    wm.verify(getRequestedFor(urlEqualTo("/result")).withHeader("Content-Type", absent())
        .withHeader("Content-Length", absent()));
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void keepsMethodAndBody(int status) throws Exception {
    redirect("/upload", status, "/stored");
    wm.stubFor(put("/stored").willReturn(aResponse().withStatus(201)));
    Request request = Request.builder(url("/upload")).put(RequestBody.of("payload", "text/plain")).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(201, response.status());
    }
    wm.verify(putRequestedFor(urlEqualTo("/stored")).withRequestBody(equalTo("payload"))
        .withHeader("Content-Type", equalTo("text/plain")));
  }

  @Test
  void replaysAFileBodyOn307(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("body.txt");
    java.nio.file.Files.writeString(file, "from a file");
    redirect("/upload", 307, "/stored");
    wm.stubFor(post("/stored").willReturn(aResponse().withStatus(201)));
    Request request = Request.builder(url("/upload")).post(RequestBody.ofFile(file, "text/plain")).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(201, response.status());
    }
    wm.verify(postRequestedFor(urlEqualTo("/stored")).withRequestBody(equalTo("from a file")));
  }

  @Test
  void returnsTheRedirectWhenAStreamedBodyCannotBeReplayed() throws Exception {
    redirect("/upload", 307, "/elsewhere");
    Request request = Request.builder(url("/upload"))
        .post(RequestBody.ofStream(new ByteArrayInputStream("once".getBytes()), 4, "text/plain")).build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals(307, response.status());
    }
    wm.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void followsChainOfRelativeLocations() throws Exception {
    redirect("/a/one", 302, "two");
    redirect("/a/two", 301, "../b/three?x=1");
    redirect("/b/three?x=1", 307, "/final");
    wm.stubFor(get("/final").willReturn(aResponse().withBody("end")));
    try (Response response = clients.newClient().send(Request.get(url("/a/one")))) {
      assertEquals("end", response.body().string());
      assertEquals(url("/final"), response.request().url().toString());
    }
  }

  @Test
  void detectsRedirectLoops() {
    redirect("/ping", 302, "/pong");
    redirect("/pong", 302, "/ping");
    assertThrows(RedirectLoopException.class, () -> clients.newClient().send(Request.get(url("/ping"))));
  }

  @Test
  void stopsAfterTheRedirectLimit() {
    for (int i = 0; i < 5; i++) {
      redirect("/r" + i, 302, "/r" + (i + 1));
    }
    HttpClient client = clients.newClient(b -> b.maxRedirects(3));
    assertThrows(TooManyRedirectsException.class, () -> client.send(Request.get(url("/r0"))));
  }

  @Test
  void returnsRedirectsUnfollowedWhenDisabled() throws Exception {
    redirect("/old", 301, "/new");
    try (Response response = clients.newClient(b -> b.followRedirects(false)).send(Request.get(url("/old")))) {
      assertEquals(301, response.status());
      assertEquals("/new", response.header("Location"));
    }
  }

  @Test
  void dropsAuthorizationAndCookieOnCrossOriginRedirect() throws Exception {
    // 127.0.0.1 and localhost are different origins for the same server
    redirect("/private", 302, wm.baseUrl().replace("localhost", "127.0.0.1") + "/public");
    wm.stubFor(get("/public").willReturn(aResponse().withBody("ok")));
    Request request = Request.builder(url("/private").replace("127.0.0.1", "localhost"))
        .header("Authorization", "Bearer secret").header("Cookie", "s=1").header("X-Keep", "yes").build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals("ok", response.body().string());
    }
    wm.verify(getRequestedFor(urlEqualTo("/public")).withHeader("Authorization", absent())
        .withHeader("Cookie", absent()).withHeader("X-Keep", equalTo("yes")));
  }

  @Test
  void keepsAuthorizationOnSameOriginRedirect() throws Exception {
    redirect("/private", 302, "/private2");
    wm.stubFor(get("/private2").willReturn(aResponse().withBody("ok")));
    Request request = Request.builder(url("/private")).header("Authorization", "Bearer secret").build();
    try (Response response = clients.newClient().send(request)) {
      assertEquals("ok", response.body().string());
    }
    wm.verify(getRequestedFor(urlEqualTo("/private2")).withHeader("Authorization", equalTo("Bearer secret")));
  }

  @Test
  void refusesHttpsToHttpDowngradeByDefault() throws Exception {
    Response fake = new Response(Request.get("https://secure.example/"), io.groundwire.http.HttpVersion.HTTP_1_1, 302,
        "Found", io.groundwire.http.Headers.of("Location", "http://plain.example/"),
        new ResponseBody(null, 0, new okio.Buffer(), () -> io.groundwire.http.Headers.EMPTY, java.util.List::of));
    RedirectException e = assertThrows(RedirectException.class,
        () -> io.groundwire.http.client.internal.RedirectsAccess.next(fake, false));
    assertEquals(true, e.getMessage().contains("https to http"));
    assertEquals("http://plain.example/", io.groundwire.http.client.internal.RedirectsAccess.next(fake, true).url().toString());
  }

  @Test
  void reusesTheConnectionAcrossSameHostRedirects() throws Exception {
    redirect("/start", 302, "/next");
    wm.stubFor(get("/next").willReturn(aResponse().withBody("here")));
    HttpClient client = clients.newClient();
    try (Response response = client.send(Request.get(url("/start")))) {
      assertEquals("here", response.body().string());
    }
    assertEquals(1, client.idleConnections());
    wm.verify(getRequestedFor(urlEqualTo("/next")));
  }
}
