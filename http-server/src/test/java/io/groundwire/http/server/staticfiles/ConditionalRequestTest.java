package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** ETag, Last-Modified and the conditional headers of RFC 9110 §13. */
class ConditionalRequestTest extends StaticFilesTestBase {
  @Test
  void sendsStrongEtagAndLastModified() throws IOException {
    RawResponse response = get("/hello.txt");
    assertEquals(200, response.status());
    assertTrue(response.header("ETag").matches("\"[0-9a-f.]+-[0-9a-f]+\""), response.header("ETag"));
    assertEquals("Wed, 01 May 2024 10:00:00 GMT", response.header("Last-Modified"));
  }

  @Test
  void matchingIfNoneMatchIsAnsweredWith304WithoutBody() throws IOException {
    String etag = get("/hello.txt").header("ETag");
    RawResponse response = server.exchange("""
        GET /hello.txt HTTP/1.1
        Host: localhost
        If-None-Match: "stale", %s
        Connection: close

        """.formatted(etag));
    assertEquals(304, response.status());
    assertEquals(etag, response.header("ETag"));
    assertEquals(0, response.body().length);
  }

  @Test
  void ifModifiedSinceAtLastModificationIsAnsweredWith304() throws IOException {
    RawResponse response = server.exchange("""
        GET /hello.txt HTTP/1.1
        Host: localhost
        If-Modified-Since: Wed, 01 May 2024 10:00:00 GMT
        Connection: close

        """);
    assertEquals(304, response.status());
  }

  @Test
  void ifModifiedSinceBeforeModificationSendsTheFile() throws IOException {
    RawResponse response = get("/hello.txt", "If-Modified-Since: Tue, 30 Apr 2024 10:00:00 GMT");
    assertEquals(200, response.status());
    assertEquals("Hello, static world!\n", response.bodyText());
  }

  @Test
  void nonMatchingIfNoneMatchWinsOverIfModifiedSince() throws IOException {
    RawResponse response = get("/hello.txt",
        "If-None-Match: \"other\"", "If-Modified-Since: Thu, 02 May 2024 10:00:00 GMT");
    assertEquals(200, response.status());
  }

  @Test
  void nonMatchingIfMatchIsAnsweredWith412() throws IOException {
    RawResponse response = get("/hello.txt", "If-Match: \"other\"");
    assertEquals(412, response.status());
  }

  @Test
  void ifUnmodifiedSinceBeforeModificationIsAnsweredWith412() throws IOException {
    RawResponse response = get("/hello.txt", "If-Unmodified-Since: Tue, 30 Apr 2024 10:00:00 GMT");
    assertEquals(412, response.status());
  }

  @Test
  void changedFileGetsANewEtag() throws IOException {
    String before = get("/hello.txt").header("ETag");
    write("hello.txt", "Hello, changed world\n");
    java.nio.file.Files.setLastModifiedTime(root.resolve("hello.txt"),
        java.nio.file.attribute.FileTime.from(MODIFIED.plusNanos(1_000)));
    RawResponse changed = get("/hello.txt", "If-None-Match: " + before);
    assertEquals(200, changed.status(), "the old ETag must no longer match");
    assertEquals("Hello, changed world\n", new String(changed.body(), java.nio.charset.StandardCharsets.UTF_8));
    String after = changed.header("ETag");
    assertTrue(after.matches("\"[0-9a-f.]+-[0-9a-f]+\""), after);
    assertTrue(!before.equals(after), before + " vs " + after);
    assertEquals(304, get("/hello.txt", "If-None-Match: " + after).status());
  }

  @Test
  void modificationTimeInTheFutureIsNotSentAsLastModified() throws IOException {
    java.nio.file.Files.setLastModifiedTime(root.resolve("hello.txt"),
        java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2100-01-01T00:00:00Z")));
    String lastModified = get("/hello.txt").header("Last-Modified");
    java.time.Instant sent = io.groundwire.http.HttpDates.parse(lastModified).orElseThrow();
    assertTrue(!sent.isAfter(java.time.Instant.now()), lastModified);
  }
}
