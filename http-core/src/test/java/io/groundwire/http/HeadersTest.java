package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadersTest {
  @Test
  void looksUpNamesIgnoringCaseAndReturnsTheFirstValue() {
    Headers headers = Headers.of("Accept", "a", "ACCEPT", "b");
    assertEquals("a", headers.get("accept"));
    assertEquals(List.of("a", "b"), headers.values("Accept"));
    assertNull(headers.get("Host"));
    assertEquals(List.of(), headers.values("Host"));
    assertTrue(headers.contains("aCCept"));
  }

  @Test
  void keepsOrderAndCaseOfRepeatedFields() {
    Headers headers = Headers.of("Set-Cookie", "a=1", "X", "y", "set-cookie", "b=2");
    assertEquals(3, headers.size());
    assertEquals("set-cookie", headers.name(2));
    assertEquals("b=2", headers.value(2));
    assertEquals(Set.of("Set-Cookie", "X"), headers.names());
    assertEquals(List.of("Set-Cookie", "X"), List.copyOf(headers.names()));
  }

  @Test
  void builderAddsSetsAndRemoves() {
    Headers headers = Headers.builder()
        .add("A", "1").add("b", "2").add("a", "3")
        .set("B", "4")
        .removeAll("a")
        .add("C", " spaced \t")
        .build();
    assertEquals(Headers.of("B", "4", "C", "spaced"), headers);
  }

  @Test
  void toBuilderLeavesTheOriginalUnchanged() {
    Headers original = Headers.of("A", "1");
    Headers changed = original.toBuilder().add("B", "2").build();
    assertEquals(1, original.size());
    assertEquals(2, changed.size());
  }

  @Test
  void rejectsNamesThatAreNotTokens() {
    for (String name : new String[] {"", "A B", "A:", "A\r\nB", "Caf\u00e9", "(x)"}) {
      assertThrows(IllegalArgumentException.class, () -> Headers.builder().add(name, "v"), name);
    }
  }

  @Test
  void rejectsValuesThatCouldInjectFields() {
    for (String value : new String[] {"a\r\nX: y", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "\u20ac"}) {
      assertThrows(IllegalArgumentException.class, () -> Headers.builder().add("X", value), value);
      assertThrows(IllegalArgumentException.class, () -> Headers.builder().set("X", value), value);
    }
  }

  @Test
  void acceptsTabsAndLatin1InValues() {
    assertEquals("a\tb caf\u00e9", Headers.of("X", "a\tb caf\u00e9").get("x"));
  }

  @Test
  void findsTokensInCommaLists() {
    Headers headers = Headers.of("Connection", "keep-alive, Upgrade", "Connection", " CLOSE ");
    assertTrue(headers.hasToken("connection", "close"));
    assertTrue(headers.hasToken("Connection", "upgrade"));
    assertFalse(headers.hasToken("Connection", "keep"));
    assertFalse(headers.hasToken("Upgrade", "close"));
  }

  @Test
  void splitsListElementsAcrossLinesRespectingQuotes() {
    Headers headers = Headers.of("Accept", "text/html, ,a/b;q=\"x,y\"", "Accept", "c/d");
    assertEquals(List.of("text/html", "a/b;q=\"x,y\"", "c/d"), headers.elements("accept"));
  }

  @Test
  void equalityIgnoresNameCaseButNotOrderOrValueCase() {
    assertEquals(Headers.of("A", "v"), Headers.of("a", "v"));
    assertEquals(Headers.of("A", "v").hashCode(), Headers.of("a", "v").hashCode());
    assertNotEquals(Headers.of("A", "v"), Headers.of("A", "V"));
    assertNotEquals(Headers.of("A", "1", "B", "2"), Headers.of("B", "2", "A", "1"));
  }

  @Test
  void ofRejectsAnOddNumberOfArguments() {
    assertThrows(IllegalArgumentException.class, () -> Headers.of("A"));
  }
}
