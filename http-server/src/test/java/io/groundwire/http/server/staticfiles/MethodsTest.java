package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Only GET and HEAD are served. */
class MethodsTest extends StaticFilesTestBase {
  @Test
  void postIsAnsweredWith405AndAllow() throws IOException {
    RawResponse response = server.exchange("""
        POST /hello.txt HTTP/1.1
        Host: localhost
        Content-Length: 2
        Connection: close

        hi""");
    assertEquals(405, response.status());
    assertEquals("GET, HEAD", response.header("Allow"));
  }

  @Test
  void headSendsTheHeadersOfGetWithoutTheBody() throws IOException {
    RawResponse response = server.exchange("""
        HEAD /hello.txt HTTP/1.1
        Host: localhost
        Connection: close

        """);
    assertEquals(200, response.status());
    assertEquals("21", response.header("Content-Length"));
    assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    assertEquals(0, response.body().length);
  }
}
