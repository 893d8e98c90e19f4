package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
  @Test
  void decodesPathsInUtf8() {
    assertEquals("/caf\u00e9/a b", PercentEncoding.decodePath("/caf%C3%A9/a%20b"));
    assertEquals("/a+b", PercentEncoding.decodePath("/a+b"));
    assertEquals("/%", PercentEncoding.decodePath("/%25"));
  }

  @Test
  void returnsTheSameStringWhenNothingIsEncoded() {
    String path = "/plain/path";
    assertSame(path, PercentEncoding.decodePath(path));
  }

  @Test
  void rejectsMalformedEscapes() {
    for (String path : new String[] {"/%", "/%2", "/%zz", "/%2g", "/a%"}) {
      assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath(path), path);
      assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodeQueryComponent(path), path);
    }
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/%C3"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/%FF"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/%C0%AF"));
  }

  @Test
  void rejectsEncodedNulInPaths() {
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/a%00b"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePathSegment("a%00"));
    assertEquals("a\u0000", PercentEncoding.decodeQueryComponent("a%00"));
  }

  @Test
  void rejectsEncodedSlashInWholePaths() {
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/a%2Fb"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePath("/a%2fb"));
  }

  @Test
  void keepsEncodedSlashInsideItsSegment() {
    assertEquals(List.of("a", "b/c", ""), PercentEncoding.decodePathSegments("/a/b%2Fc/"));
    assertEquals(List.of(""), PercentEncoding.decodePathSegments("/"));
    assertEquals("b/c", PercentEncoding.decodePathSegment("b%2Fc"));
    assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decodePathSegment("b/c"));
  }

  @Test
  void decodesDotSegmentsWithoutResolvingThem() {
    assertEquals("/../etc", PercentEncoding.decodePath("/%2e%2E/etc"));
  }

  @Test
  void decodesQueryPlusAsSpace() {
    assertEquals("a b+c", PercentEncoding.decodeQueryComponent("a+b%2Bc"));
    assertEquals("\u00e9", PercentEncoding.decodeQueryComponent("%E9", StandardCharsets.ISO_8859_1));
  }

  @Test
  void encodesPathSegmentsAndPaths() {
    assertEquals("a%2Fb%20c%3F%23%25", PercentEncoding.encodePathSegment("a/b c?#%"));
    assertEquals("/caf%C3%A9/x:y@z", PercentEncoding.encodePath("/caf\u00e9/x:y@z"));
  }

  @Test
  void encodesQueryComponentsSafelyForEitherDecoding() {
    String encoded = PercentEncoding.encodeQueryComponent("a b&c=d+e#f/?");
    assertEquals("a%20b%26c%3Dd%2Be%23f/?", encoded);
    assertEquals("a b&c=d+e#f/?", PercentEncoding.decodeQueryComponent(encoded));
  }

  @Test
  void encodesFormComponents() {
    assertEquals("a+b%26%C3%A9*", PercentEncoding.encodeFormComponent("a b&\u00e9*"));
  }
}
