package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestPathsTest {
  @Test
  void rawPathDropsQueryAndKeepsEncoding() {
    assertEquals("/a%20b/", RequestPaths.rawPath("/a%20b/?x=1"));
  }

  @Test
  void rawPathOfAbsoluteFormIsItsPath() {
    assertEquals("/docs", RequestPaths.rawPath("http://example.com:8080/docs?y"));
    assertEquals("/", RequestPaths.rawPath("http://example.com"));
  }

  @Test
  void absoluteFormWithoutPathIsTheRootEvenWhenItsQueryHoldsSlashes() {
    assertEquals("/", RequestPaths.rawPath("http://x?/dir"));
    assertEquals("/", RequestPaths.rawPath("http://x?/%2f%2fevil.example"));
    assertEquals("/", RequestPaths.rawPath("http://x#/dir"));
  }
}
