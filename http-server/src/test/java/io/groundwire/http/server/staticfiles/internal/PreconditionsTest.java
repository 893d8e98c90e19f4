package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.staticfiles.internal.Preconditions.Outcome;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreconditionsTest {
  private static final String ETAG = "\"abc-10\"";
  private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00Z");
  private static final String AT_MODIFIED = "Wed, 01 May 2024 10:00:00 GMT";
  private static final String BEFORE = "Tue, 30 Apr 2024 10:00:00 GMT";
  private static final String AFTER = "Thu, 02 May 2024 10:00:00 GMT";
  private static final Function<String, Instant> DATES = value -> {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  };

  private static Outcome get(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
    return new Preconditions(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, null)
        .evaluate(true, ETAG, MODIFIED, DATES);
  }

  @Test
  void noConditionsProceed() {
    assertEquals(Outcome.PROCEED, get(null, null, null, null));
  }

  @Test
  void matchingIfNoneMatchIsNotModified() {
    assertEquals(Outcome.NOT_MODIFIED, get(null, null, "\"x\", " + ETAG, null));
  }

  @Test
  void ifNoneMatchUsesWeakComparison() {
    assertEquals(Outcome.NOT_MODIFIED, get(null, null, "W/" + ETAG, null));
  }

  @Test
  void ifNoneMatchStarIsNotModified() {
    assertEquals(Outcome.NOT_MODIFIED, get(null, null, "*", null));
  }

  @Test
  void differentIfNoneMatchProceeds() {
    assertEquals(Outcome.PROCEED, get(null, null, "\"other\"", null));
  }

  @Test
  void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
    assertEquals(Outcome.PROCEED, get(null, null, "\"other\"", AFTER));
  }

  @Test
  void ifModifiedSinceAtOrAfterModificationIsNotModified() {
    assertEquals(Outcome.NOT_MODIFIED, get(null, null, null, AT_MODIFIED));
    assertEquals(Outcome.NOT_MODIFIED, get(null, null, null, AFTER));
  }

  @Test
  void ifModifiedSinceBeforeModificationProceeds() {
    assertEquals(Outcome.PROCEED, get(null, null, null, BEFORE));
  }

  @Test
  void invalidIfModifiedSinceIsIgnored() {
    assertEquals(Outcome.PROCEED, get(null, null, null, "yesterday"));
  }

  @Test
  void ifMatchWithOtherTagFails() {
    assertEquals(Outcome.PRECONDITION_FAILED, get("\"other\"", null, null, null));
  }

  @Test
  void ifMatchUsesStrongComparison() {
    assertEquals(Outcome.PRECONDITION_FAILED, get("W/" + ETAG, null, null, null));
    assertEquals(Outcome.PROCEED, get(ETAG, null, null, null));
  }

  @Test
  void ifMatchTakesPrecedenceOverIfUnmodifiedSince() {
    assertEquals(Outcome.PROCEED, get(ETAG, BEFORE, null, null));
  }

  @Test
  void ifUnmodifiedSinceBeforeModificationFails() {
    assertEquals(Outcome.PRECONDITION_FAILED, get(null, BEFORE, null, null));
    assertEquals(Outcome.PROCEED, get(null, AT_MODIFIED, null, null));
  }

  @Test
  void failedIfMatchWinsOverMatchingIfNoneMatch() {
    assertEquals(Outcome.PRECONDITION_FAILED, get("\"other\"", null, ETAG, null));
  }

  @Test
  void ifRangeWithCurrentStrongTagAllowsRange() {
    assertTrue(new Preconditions(null, null, null, null, ETAG).rangeAllowed(ETAG, MODIFIED, DATES));
  }

  @Test
  void ifRangeWithWeakOrOtherTagRefusesRange() {
    assertFalse(new Preconditions(null, null, null, null, "W/" + ETAG).rangeAllowed(ETAG, MODIFIED, DATES));
    assertFalse(new Preconditions(null, null, null, null, "\"old\"").rangeAllowed(ETAG, MODIFIED, DATES));
  }

  @Test
  void ifRangeWithExactDateAllowsRangeAndOtherDateRefuses() {
    assertTrue(new Preconditions(null, null, null, null, AT_MODIFIED).rangeAllowed(ETAG, MODIFIED, DATES));
    assertFalse(new Preconditions(null, null, null, null, AFTER).rangeAllowed(ETAG, MODIFIED, DATES));
  }

  @Test
  void malformedEntityTagListsMatchNothing() {
    assertFalse(EntityTags.anyMatches("abc-10", "\"abc-10\"", false));
    assertFalse(EntityTags.anyMatches("\"abc-10", "\"abc-10\"", false));
    assertTrue(EntityTags.anyMatches("\"a,b\" , \"abc-10\"", "\"abc-10\"", false));
  }
}
