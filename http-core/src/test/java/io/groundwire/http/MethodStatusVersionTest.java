package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MethodStatusVersionTest {
  @Test
  void methodOfReturnsConstantsAndAcceptsExtensionTokens() {
    assertSame(Method.GET, Method.of("GET"));
    assertSame(Method.CONNECT, Method.of("CONNECT"));
    assertEquals("PROPFIND", Method.of("PROPFIND").name());
    assertEquals(Method.of("X-Y"), Method.of("X-Y"));
  }

  @Test
  void methodsAreCaseSensitive() {
    assertNotEquals(Method.GET, Method.of("get"));
  }

  @Test
  void methodOfRejectsNonTokens() {
    for (String name : new String[] {"", "GE T", "GET\r\n", "G(T", "\u00c9"}) {
      assertThrows(IllegalArgumentException.class, () -> Method.of(name), name);
    }
  }

  @Test
  void safeAndIdempotentMethods() {
    assertTrue(Method.GET.isSafe() && Method.HEAD.isSafe() && Method.OPTIONS.isSafe() && Method.TRACE.isSafe());
    assertFalse(Method.PUT.isSafe() || Method.POST.isSafe() || Method.DELETE.isSafe());
    assertTrue(Method.PUT.isIdempotent() && Method.DELETE.isIdempotent() && Method.GET.isIdempotent());
    assertFalse(Method.POST.isIdempotent() || Method.PATCH.isIdempotent() || Method.of("X").isIdempotent());
  }

  @Test
  void statusOfGivesStandardReasons() {
    assertSame(Status.NOT_FOUND, Status.of(404));
    assertEquals("Request Header Fields Too Large", Status.of(431).reason());
    assertEquals("", Status.of(299).reason());
    assertEquals("299", Status.of(299).toString());
    assertEquals("404 Not Found", Status.NOT_FOUND.toString());
  }

  @Test
  void statusEqualityIsByCode() {
    assertEquals(Status.OK, Status.of(200, "Fine"));
    assertEquals(Status.OK.hashCode(), Status.of(200, "Fine").hashCode());
  }

  @Test
  void statusRejectsOutOfRangeCodesAndBadReasons() {
    assertThrows(IllegalArgumentException.class, () -> Status.of(99));
    assertThrows(IllegalArgumentException.class, () -> Status.of(1000));
    assertThrows(IllegalArgumentException.class, () -> Status.of(200, "OK\r\nX: y"));
  }

  @Test
  void statusClasses() {
    assertTrue(Status.CONTINUE.isInformational());
    assertTrue(Status.NO_CONTENT.isSuccess());
    assertTrue(Status.NOT_MODIFIED.isRedirect());
    assertTrue(Status.URI_TOO_LONG.isClientError());
    assertTrue(Status.HTTP_VERSION_NOT_SUPPORTED.isServerError());
    assertFalse(Status.of(600).isServerError());
  }

  @Test
  void versionParsing() throws HttpProtocolException {
    assertSame(HttpVersion.HTTP_1_1, HttpVersion.parse("HTTP/1.1"));
    assertSame(HttpVersion.HTTP_1_0, HttpVersion.parse("HTTP/1.0"));
    assertSame(HttpVersion.HTTP_1_1, HttpVersion.parse("HTTP/1.9"));
    assertEquals(505, assertThrows(HttpProtocolException.class, () -> HttpVersion.parse("HTTP/2.0")).status().code());
    assertEquals(400, assertThrows(HttpProtocolException.class, () -> HttpVersion.parse("HTTP/1.1 ")).status().code());
    assertEquals(400, assertThrows(HttpProtocolException.class, () -> HttpVersion.parse("HTTP/2")).status().code());
  }

  @Test
  void protocolExceptionFactoriesCarryTheirStatus() {
    assertEquals(400, HttpProtocolException.badRequest("x").status().code());
    assertEquals(408, HttpProtocolException.requestTimeout("x").status().code());
    assertEquals(413, HttpProtocolException.contentTooLarge("x").status().code());
    assertEquals(414, HttpProtocolException.uriTooLong("x").status().code());
    assertEquals(431, HttpProtocolException.headerFieldsTooLarge("x").status().code());
    assertEquals(501, HttpProtocolException.notImplemented("x").status().code());
    assertEquals(505, HttpProtocolException.versionNotSupported("x").status().code());
    assertTrue(HttpProtocolException.badRequest("x").closeConnection());
    assertFalse(new HttpProtocolException(Status.CONTENT_TOO_LARGE, "x", false).closeConnection());
  }
}
