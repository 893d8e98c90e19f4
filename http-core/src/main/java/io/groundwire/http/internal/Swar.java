package io.groundwire.http.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans that look at eight bytes per step ("SIMD within a register"), for the loops that
 * touch every byte of a head: finding line ends and validating field values.
 */
final class Swar {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
  private static final long SPACES = 0x2020202020202020L;
  private static final long DELS = 0x7F7F7F7F7F7F7F7FL;

  private Swar() {}

  /** Index of the first LF in {@code data[from, end)}, or {@code end} if there is none. */
  static int indexOfLf(byte[] data, int from, int end) {
    int i = from;
    while (i + 8 <= end) {
      long x = (long) LONG.get(data, i) ^ LFS;
      // Flags zero bytes of x; the lowest flag is exact (borrows only spoil higher bytes).
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
      i += 8;
    }
    for (; i < end; i++) {
      if (data[i] == '\n') return i;
    }
    return end;
  }

  /**
   * Index of the first byte at or after {@code from} that may not appear in a field value (a
   * control character other than HTAB, or DEL), searching up to {@code a.length}; returns
   * {@code a.length} if there is none.
   */
  static int skipFieldValue(byte[] a, int from) {
    int j = from;
    int limit = a.length;
    while (true) {
      while (j + 8 <= limit) {
        long w = (long) LONG.get(a, j);
        long controls = (w - SPACES) & ~w & HIGHS; // a byte below 0x20 (obs-text excluded)
        long x = w ^ DELS;
        long dels = (x - ONES) & ~x & HIGHS;
        if ((controls | dels) != 0) break;
        j += 8;
      }
      int stop = Math.min(j + 8, limit);
      for (; j < stop; j++) {
        if (!Syntax.isFieldValueByte(a[j])) return j;
      }
      if (j >= limit) return limit;
    }
  }
}
