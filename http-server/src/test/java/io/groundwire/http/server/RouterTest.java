package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Path parameters, wildcards, groups, filters and exception mapping. */
class RouterTest {
  private HttpServer server;
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Router router = Router.builder()
        .before((req, res) -> calls.add("before " + req.path()))
        .before("/admin/*", (req, res) -> res.status(401).text("login first"))
        .after((req, res) -> res.header("X-After", "yes"))
        .get("/users/{id}", (req, res) -> res.text("user " + req.pathParam("id")))
        .get("/users/me", (req, res) -> res.text("me"))
        .get("/files/*", (req, res) -> res.text("file [" + req.pathParam("*") + "]"))
        .get("/admin/panel", (req, res) -> res.text("secret"))
        .group("/api", api -> api
            .get("/items/{a}/{b}", (req, res) -> res.text(req.pathParam("a") + "+" + req.pathParam("b")))
            .post("/items", (req, res) -> res.status(201).text("made")))
        .get("/query", (req, res) -> res.text(req.queryParam("q") + "," + req.query().values("n")))
        .exception(NumberFormatException.class, (e, req, res) -> res.status(400).text("bad number"))
        .get("/number/{n}", (req, res) -> res.text("n=" + Integer.parseInt(req.pathParam("n"))))
        .build();
    server = HttpServer.create(HttpServerOptions.builder().port(0).build(), router).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String get(String target) throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      return client.send("GET " + target + " HTTP/1.1\nHost: localhost\n\n").readResponse();
    }
  }

  @Test
  void pathParameterIsDecoded() throws Exception {
    assertTrue(get("/users/a%20b").endsWith("user a b"));
  }

  @Test
  void literalRouteWinsOverPattern() throws Exception {
    assertTrue(get("/users/me").endsWith("\r\n\r\nme"));
  }

  @Test
  void wildcardGivesTheRemainder() throws Exception {
    assertTrue(get("/files/css/site.css").endsWith("file [css/site.css]"));
    assertTrue(get("/files").endsWith("file []"));
  }

  @Test
  void groupPrefixesItsRoutes() throws Exception {
    assertTrue(get("/api/items/1/2").endsWith("1+2"));
  }

  @Test
  void beforeFilterThatAnswersSkipsTheRoute() throws Exception {
    String response = get("/admin/panel");
    assertTrue(response.startsWith("HTTP/1.1 401 "), response);
    assertTrue(response.endsWith("login first"), response);
  }

  @Test
  void filtersRunAroundTheRoute() throws Exception {
    String response = get("/users/7");
    assertTrue(response.contains("\r\nX-After: yes\r\n"), response);
    assertEquals(List.of("before /users/7"), calls);
  }

  @Test
  void queryParametersAreDecoded() throws Exception {
    assertTrue(get("/query?q=a%2Bb+c&n=1&n=2").endsWith("a+b c,[1, 2]"));
  }

  @Test
  void malformedQueryIs400() throws Exception {
    String response = get("/query?q=%zz");
    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
  }

  @Test
  void mappedExceptionAnswersWithItsHandler() throws Exception {
    String response = get("/number/x");
    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    assertTrue(response.endsWith("bad number"), response);
  }

  @Test
  void rejectsBadPatterns() {
    assertThrows(IllegalArgumentException.class, () -> Router.builder().get("no-slash", (q, s) -> {}));
    assertThrows(IllegalArgumentException.class, () -> Router.builder().get("/a/*/b", (q, s) -> {}));
    assertThrows(IllegalArgumentException.class, () -> Router.builder().get("/{x}/{x}", (q, s) -> {}));
    assertThrows(IllegalArgumentException.class,
        () -> Router.builder().get("/a", (q, s) -> {}).get("/a", (q, s) -> {}));
  }
}
