package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No request reads outside the root, however the path is spelled. */
class PathTraversalTest extends StaticFilesTestBase {
  @ParameterizedTest
  @ValueSource(strings = {
      "/../outside.txt",
      "/docs/../../outside.txt",
      "/%2e%2e/outside.txt",
      "/%2E%2E/%2e%2e/outside.txt",
      "/docs/%2e%2e/%2e%2e/outside.txt",
      "/..%2foutside.txt",
      "/docs%2f..%2f..%2foutside.txt",
      "/..%5coutside.txt",
      "/..\\\\outside.txt",
      "/hello.txt%00.png",
      "/./../outside.txt",
      "//../outside.txt"})
  void refusesPathsLeadingOutOfTheRoot(String path) throws IOException {
    byte[] bytes = server.exchangeBytes("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertFalse(text.contains("outside the root"), text);
    int status = RawResponse.parse(bytes).status();
    assertTrue(status == 400 || status == 404, path + " gave " + status);
  }

  @Test
  void encodedSlashIsRejectedWith400() throws IOException {
    assertEquals(400, get("/docs%2findex.html").status());
  }

  @Test
  void dotSegmentsThatStayInsideTheRootAreResolved() throws IOException {
    RawResponse response = get("/docs/%2e%2e/hello.txt");
    assertEquals(200, response.status());
    assertEquals("Hello, static world!\n", response.bodyText());
  }
}
