package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormUrlEncodedTest {
  @Test
  void decodesPairsInOrderKeepingRepeats() {
    QueryParameters q = QueryParameters.parse("a=1&b=x+y&a=%C3%A9");
    assertEquals(3, q.size());
    assertEquals("1", q.get("a"));
    assertEquals(List.of("1", "\u00e9"), q.values("a"));
    assertEquals("x y", q.get("b"));
    assertEquals(List.of("a", "b"), List.copyOf(q.names()));
    assertEquals("b", q.name(1));
  }

  @Test
  void handlesEmptyPartsFlagsAndEqualsInValues() {
    QueryParameters q = FormUrlEncoded.decode("&flag&&e=&k=a=b&");
    assertEquals("", q.get("flag"));
    assertEquals("", q.get("e"));
    assertEquals("a=b", q.get("k"));
    assertEquals(3, q.size());
    assertNull(q.get("missing"));
  }

  @Test
  void namesAreCaseSensitive() {
    assertNull(QueryParameters.parse("A=1").get("a"));
  }

  @Test
  void emptyAndNullQueriesHaveNoParameters() {
    assertEquals(QueryParameters.EMPTY, QueryParameters.parse(null));
    assertEquals(QueryParameters.EMPTY, QueryParameters.parse(""));
  }

  @Test
  void rejectsMalformedEscapes() {
    assertThrows(IllegalArgumentException.class, () -> FormUrlEncoded.decode("a=%zz"));
  }

  @Test
  void decodesBodiesIncludingRawUtf8() {
    byte[] body = "name=caf\u00e9&x=%C3%A9".getBytes(StandardCharsets.UTF_8);
    QueryParameters q = FormUrlEncoded.decode(body, StandardCharsets.UTF_8);
    assertEquals("caf\u00e9", q.get("name"));
    assertEquals("\u00e9", q.get("x"));
  }

  @Test
  void rejectsRawBytesThatAreNotUtf8LikeTheirEscapes() {
    byte[] raw = {'a', '=', (byte) 0xff, (byte) 0xfe};
    assertThrows(IllegalArgumentException.class, () -> FormUrlEncoded.decode(raw, StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> FormUrlEncoded.decode("a=%ff%fe"));
  }

  @Test
  void encodesAndDecodesBack() {
    QueryParameters q = QueryParameters.builder().add("a b", "1&2").add("\u00e9", "=").build();
    assertEquals("a+b=1%262&%C3%A9=%3D", q.encode());
    assertEquals(q, QueryParameters.parse(q.encode()));
  }

  @Test
  void aLargeBodyOfNamesWithoutValuesDecodesInOnePass() {
    // Each pair's '=' was once searched for up to the end of the body: 2 MiB of "a&" took minutes.
    String body = "a&".repeat(1 << 20);
    QueryParameters q = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> FormUrlEncoded.decode(body));
    assertEquals(1 << 20, q.size());
    assertEquals("", q.get("a"));
  }

  @Test
  void aValueMayNotBorrowTheNextPairsEqualsSign() {
    QueryParameters q = FormUrlEncoded.decode("flag&b=2");
    assertEquals("", q.get("flag"));
    assertEquals("2", q.get("b"));
  }
}
