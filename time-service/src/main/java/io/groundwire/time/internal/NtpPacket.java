package io.groundwire.time.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 48-byte NTP/SNTP header (RFC 5905 §7.3, RFC 4330 §4). Extension fields and a MAC may follow on
 * the wire; they are ignored. Timestamps are raw 64-bit NTP timestamps (see {@link NtpTime}).
 *
 * @param leap leap indicator, 0-3 (3 = clock unsynchronized, also used in kiss-o'-death packets)
 * @param version NTP version number, 1-7 on the wire
 * @param mode association mode: 3 client, 4 server
 * @param stratum 0 kiss-o'-death, 1 primary, 2-15 secondary, 16 unsynchronized
 * @param poll log2 of the poll interval in seconds
 * @param precision log2 of the clock's precision in seconds (e.g. -20 ≈ 1 µs)
 * @param rootDelay NTP short format
 * @param rootDispersion NTP short format
 * @param referenceId four ASCII characters (stratum 0-1) or an address
 */
public record NtpPacket(
    int leap,
    int version,
    int mode,
    int stratum,
    int poll,
    int precision,
    int rootDelay,
    int rootDispersion,
    int referenceId,
    long referenceTimestamp,
    long originTimestamp,
    long receiveTimestamp,
    long transmitTimestamp) {

  /** The size of the header on the wire. */
  public static final int SIZE = 48;

  public static final int MODE_CLIENT = 3;
  public static final int MODE_SERVER = 4;
  public static final int LEAP_UNSYNCHRONIZED = 3;

  /** Reads a header from the buffer's remaining bytes; fails on fewer than 48. */
  public static NtpPacket read(ByteBuffer buffer) {
    if (buffer.remaining() < SIZE) {
      throw new IllegalArgumentException(
          "NTP packet too short: " + buffer.remaining() + " bytes, need " + SIZE);
    }
    int first = buffer.get() & 0xFF;
    return new NtpPacket(
        first >>> 6,
        (first >>> 3) & 0x7,
        first & 0x7,
        buffer.get() & 0xFF,
        buffer.get(),
        buffer.get(),
        buffer.getInt(),
        buffer.getInt(),
        buffer.getInt(),
        buffer.getLong(),
        buffer.getLong(),
        buffer.getLong(),
        buffer.getLong());
  }

  /** Writes these 48 bytes into {@code buffer}. */
  public void write(ByteBuffer buffer) {
    buffer.put((byte) ((leap << 6) | (version << 3) | mode));
    buffer.put((byte) stratum);
    buffer.put((byte) poll);
    buffer.put((byte) precision);
    buffer.putInt(rootDelay);
    buffer.putInt(rootDispersion);
    buffer.putInt(referenceId);
    buffer.putLong(referenceTimestamp);
    buffer.putLong(originTimestamp);
    buffer.putLong(receiveTimestamp);
    buffer.putLong(transmitTimestamp);
  }

  /** These 48 bytes as an array. */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    write(buffer);
    return buffer.array();
  }

  /** True for a kiss-o'-death packet (RFC 5905 §7.4: a server reply with stratum 0). */
  public boolean isKissOfDeath() {
    return mode == MODE_SERVER && stratum == 0;
  }

  /** The reference ID read as four ASCII characters, the kiss code of a kiss-o'-death packet. */
  public String referenceCode() {
    return code(referenceId);
  }

  /** Four ASCII characters packed as a reference ID. */
  public static int referenceId(String code) {
    byte[] bytes = (code + "\0\0\0\0").getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.wrap(bytes, 0, 4).getInt();
  }

  private static String code(int id) {
    byte[] bytes = ByteBuffer.allocate(4).putInt(id).array();
    int length = 0;
    while (length < 4 && bytes[length] != 0) {
      length++;
    }
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }
}
