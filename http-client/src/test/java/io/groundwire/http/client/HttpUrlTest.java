package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {
  @Test
  void impliesDefaultPortsAndRootPath() {
    HttpUrl http = HttpUrl.parse("http://Example.COM");
    assertEquals(80, http.port());
    assertEquals("/", http.encodedPath());
    assertEquals("example.com", http.hostHeader());
    assertEquals("http://example.com/", http.toString());
    assertEquals(443, HttpUrl.parse("HTTPS://example.com/").port());
  }

  @Test
  void keepsNonDefaultPortInHostHeader() {
    HttpUrl url = HttpUrl.parse("http://localhost:8080/a?b=c");
    assertEquals("localhost:8080", url.hostHeader());
    assertEquals("/a?b=c", url.requestTarget());
    assertEquals("b=c", url.encodedQuery());
  }

  @Test
  void omitsExplicitDefaultPort() {
    assertEquals("https://example.com/", HttpUrl.parse("https://example.com:443/").toString());
  }

  @Test
  void parsesIpv6LiteralsInBrackets() {
    HttpUrl url = HttpUrl.parse("http://[::1]:8080/x");
    assertEquals("::1", url.host());
    assertEquals(8080, url.port());
    assertEquals("[::1]:8080", url.hostHeader());
    assertEquals("[2001:db8::ff00:42:8329]", HttpUrl.parse("http://[2001:DB8::FF00:42:8329]/").hostHeader());
    assertEquals("::ffff:192.0.2.1", HttpUrl.parse("http://[::ffff:192.0.2.1]/").host());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[1::2::3]/", "http://[12345::]/", "http://[::g]/", "http://[::1/", "http://[::1]x/",
      "http://[1:2:3:4:5:6:7]/"})
  void rejectsInvalidIpv6Literals(String url) {
    assertThrows(IllegalArgumentException.class, () -> HttpUrl.parse(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/", "example.com/path", "http://", "http://:80/", "http://host:0/",
      "http://host:65536/", "http://host:12a/", "http://user:pass@host/", "http://ho st/"})
  void rejectsWhatIsNotAnHttpUrl(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpUrl.parse(url));
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }

  @Test
  void percentEncodesWhatAPathCannotHold() {
    HttpUrl url = HttpUrl.parse("http://h/a b/ü/%zz/%41?q=a b&x=é#frag ment");
    assertEquals("/a%20b/%C3%BC/%25zz/%41", url.encodedPath());
    assertEquals("q=a%20b&x=%C3%A9", url.encodedQuery());
    assertEquals("frag%20ment", url.fragment());
    assertEquals("/a%20b/%C3%BC/%25zz/%41?q=a%20b&x=%C3%A9", url.requestTarget());
  }

  @Test
  void keepsReservedCharactersAsTheyAre() {
    HttpUrl url = HttpUrl.parse("http://h/a;b=c/d:e@f!$&'()*+,?x=/?y");
    assertEquals("/a;b=c/d:e@f!$&'()*+,", url.encodedPath());
    assertEquals("x=/?y", url.encodedQuery());
  }

  @Test
  void resolvesRelativeLocations() {
    HttpUrl base = HttpUrl.parse("https://example.com:8443/a/b/c?q=1");
    assertEquals("https://example.com:8443/a/b/d", base.resolve("d").toString());
    assertEquals("https://example.com:8443/x", base.resolve("/x").toString());
    assertEquals("https://example.com:8443/a/x", base.resolve("../x").toString());
    assertEquals("https://other.org/y", base.resolve("//other.org/y").toString());
    assertEquals("http://plain/", base.resolve("http://plain").toString());
    assertEquals("https://example.com:8443/a/b/c?z", base.resolve("?z").toString());
    assertEquals("https://example.com:8443/a/b/a%20b", base.resolve("a b").toString());
  }

  @Test
  void resolvesLocationsThatNameAnIpv6Host() {
    HttpUrl base = HttpUrl.parse("http://h/a");
    assertEquals("http://[::1]:8080/x", base.resolve("http://[::1]:8080/x").toString());
    assertEquals("http://[::1]/y%20z", base.resolve("//[::1]/y z").toString());
    assertEquals("http://h/%5Bx%5D", base.resolve("/[x]").toString());
  }

  @Test
  void comparesOrigins() {
    HttpUrl a = HttpUrl.parse("http://h/x");
    assertTrue(a.sameOrigin(HttpUrl.parse("http://H:80/y")));
    assertFalse(a.sameOrigin(HttpUrl.parse("https://h/x")));
    assertFalse(a.sameOrigin(HttpUrl.parse("http://h:81/x")));
    assertNull(a.encodedQuery());
  }
}
