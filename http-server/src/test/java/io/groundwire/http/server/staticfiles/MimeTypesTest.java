package io.groundwire.http.server.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MimeTypesTest {
  @Test
  void lookupIgnoresCaseAndUsesTheLastExtension() {
    assertEquals("application/gzip", MimeTypes.defaults().forFileName("site.tar.GZ"));
    assertEquals("image/jpeg", MimeTypes.defaults().forFileName("PHOTO.JPG"));
  }

  @Test
  void namesWithoutExtensionAreOctetStreams() {
    assertEquals(MimeTypes.DEFAULT_TYPE, MimeTypes.defaults().forFileName("README"));
    assertEquals(MimeTypes.DEFAULT_TYPE, MimeTypes.defaults().forFileName("trailing."));
  }

  @Test
  void withAddsOrOverridesWithoutChangingTheOriginal() {
    MimeTypes custom = MimeTypes.defaults().with("Foo", "application/x-foo").with("txt", "text/plain");
    assertEquals("application/x-foo", custom.forFileName("a.foo"));
    assertEquals("text/plain", custom.forFileName("a.txt"));
    assertEquals("text/plain; charset=utf-8", MimeTypes.defaults().forFileName("a.txt"));
  }

  @Test
  void rejectsExtensionsWithDots() {
    assertThrows(IllegalArgumentException.class, () -> MimeTypes.defaults().with(".txt", "text/plain"));
  }
}
