package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonQuoteTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    StringBuilder out = new StringBuilder();
    WorldTimeFormat.quote(out, "a\"b\\c\nd\u0001");
    assertEquals("\"a\\\"b\\\\c\\u000ad\\u0001\"", out.toString());
  }

  @Test
  void nullIsTheJsonLiteral() {
    StringBuilder out = new StringBuilder();
    WorldTimeFormat.quote(out, null);
    assertEquals("null", out.toString());
  }
}
