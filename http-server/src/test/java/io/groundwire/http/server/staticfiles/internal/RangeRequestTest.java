package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeRequestTest {
  private static RangeRequest parse(String header) {
    return RangeRequest.parse(header, 1000, 10);
  }

  private static RangeRequest partial(long... bounds) {
    List<ByteRange> ranges = new java.util.ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      ranges.add(new ByteRange(bounds[i], bounds[i + 1]));
    }
    return new RangeRequest.Partial(ranges);
  }

  @Test
  void absentHeaderMeansWholeRepresentation() {
    assertEquals(new RangeRequest.Whole(), parse(null));
  }

  @Test
  void readsClosedRange() {
    assertEquals(partial(0, 499), parse("bytes=0-499"));
  }

  @Test
  void readsOpenRangeToTheEnd() {
    assertEquals(partial(900, 999), parse("bytes=900-"));
  }

  @Test
  void readsSuffixRange() {
    assertEquals(partial(800, 999), parse("bytes=-200"));
  }

  @Test
  void suffixLongerThanTheFileMeansTheWholeFile() {
    assertEquals(partial(0, 999), parse("bytes=-5000"));
  }

  @Test
  void clampsLastPositionBeyondTheEnd() {
    assertEquals(partial(500, 999), parse("bytes=500-99999999999999999999999"));
  }

  @Test
  void unitIsCaseInsensitiveAndListAllowsSpacesAndEmptyElements() {
    assertEquals(partial(0, 0, 10, 10), parse("Bytes= 0-0 , ,10-10"));
  }

  @Test
  void coalescesOverlappingAndAdjacentRangesInOrder() {
    assertEquals(partial(0, 299, 500, 599), parse("bytes=500-599,100-299,0-150,200-250"));
  }

  @Test
  void rangeStartingAtTheEndIsUnsatisfiable() {
    assertEquals(new RangeRequest.Unsatisfiable(), parse("bytes=1000-"));
  }

  @Test
  void zeroSuffixIsUnsatisfiable() {
    assertEquals(new RangeRequest.Unsatisfiable(), parse("bytes=-0"));
  }

  @Test
  void anyRangeOfAnEmptyFileIsUnsatisfiable() {
    assertEquals(new RangeRequest.Unsatisfiable(), RangeRequest.parse("bytes=0-", 0, 10));
  }

  @Test
  void unsatisfiableRangesAreDroppedWhenOthersAreSatisfiable() {
    assertEquals(partial(0, 9), parse("bytes=2000-3000,0-9"));
  }

  @Test
  void ignoresOtherUnits() {
    assertEquals(new RangeRequest.Whole(), parse("items=0-5"));
  }

  @Test
  void ignoresInvalidSyntax() {
    for (String invalid : List.of("bytes=", "bytes=5", "bytes=a-b", "bytes=5-3", "bytes=--5", "bytes=1-2-3", "bytes 0-5")) {
      assertEquals(new RangeRequest.Whole(), parse(invalid), invalid);
    }
  }

  @Test
  void ignoresMoreRangesThanAllowed() {
    assertEquals(new RangeRequest.Whole(), parse("bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-20"));
  }
}
