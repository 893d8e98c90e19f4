package io.groundwire.http.server.staticfiles.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@code Range} header (RFC 9110 §14.2) asks of a representation of a known length: the
 * whole representation (no header, another unit, bad syntax or too many ranges: the header is
 * ignored, as RFC 9110 §14.2 allows), the satisfiable ranges (sorted, overlapping and adjacent ones
 * coalesced, RFC 9110 §14.6), or nothing satisfiable (416).
 */
public sealed interface RangeRequest {
  /** Serve the whole representation with 200. */
  record Whole() implements RangeRequest {}

  /** Serve these ranges with 206; one range is a single part, several are multipart/byteranges. */
  record Partial(List<ByteRange> ranges) implements RangeRequest {
    /** Copies {@code ranges}; throws {@link IllegalArgumentException} when it is empty. */
    public Partial {
      if (ranges.isEmpty()) {
        throw new IllegalArgumentException("no ranges");
      }
      ranges = List.copyOf(ranges);
    }
  }

  /** No range overlaps the representation: 416 with {@code Content-Range: bytes *}{@code /length}. */
  record Unsatisfiable() implements RangeRequest {}

  /**
   * Reads {@code header} (null when absent) against a representation of {@code length} bytes;
   * more than {@code maxRanges} range-specs make the header ignored, like nginx's {@code max_ranges}.
   */
  static RangeRequest parse(String header, long length, int maxRanges) {
    if (header == null) {
      return new Whole();
    }
    int equals = header.indexOf('=');
    if (equals < 0 || !header.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
      return new Whole(); // RFC 9110 §14.2: ignore a range unit we do not understand
    }
    List<ByteRange> satisfiable = new ArrayList<>();
    int specs = 0;
    for (String element : header.substring(equals + 1).split(",", -1)) {
      String spec = element.strip(); // RFC 9110 §5.6.1: list elements may be empty, with OWS
      if (spec.isEmpty()) {
        continue;
      }
      if (++specs > maxRanges) {
        return new Whole();
      }
      int dash = spec.indexOf('-');
      if (dash < 0) {
        return new Whole();
      }
      long first = digits(spec, 0, dash);
      long last = digits(spec, dash + 1, spec.length());
      if (dash == 0) { // suffix-range: the last N bytes
        if (last < 0) {
          return new Whole();
        }
        if (last > 0 && length > 0) {
          satisfiable.add(new ByteRange(Math.max(0, length - last), length - 1));
        }
      } else {
        boolean open = dash == spec.length() - 1;
        if (first < 0 || (!open && (last < 0 || last < first))) {
          return new Whole();
        }
        if (first < length) {
          satisfiable.add(new ByteRange(first, open ? length - 1 : Math.min(last, length - 1)));
        }
      }
    }
    if (specs == 0) {
      return new Whole();
    }
    if (satisfiable.isEmpty()) {
      return new Unsatisfiable();
    }
    return new Partial(coalesce(satisfiable));
  }

  /** Parses 1*DIGIT in {@code text[from, to)}, saturating at Long.MAX_VALUE; -1 when not digits. */
  private static long digits(String text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
    }
    return value;
  }

  private static List<ByteRange> coalesce(List<ByteRange> ranges) {
    List<ByteRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(ByteRange::first));
    List<ByteRange> merged = new ArrayList<>();
    ByteRange current = sorted.get(0);
    for (ByteRange next : sorted.subList(1, sorted.size())) {
      if (next.first() <= current.last() + 1) {
        current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
      } else {
        merged.add(current);
        current = next;
      }
    }
    merged.add(current);
    return merged;
  }
}
