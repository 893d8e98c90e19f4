package io.groundwire.http.codec;

import io.groundwire.http.Headers;
import java.io.IOException;
import okio.BufferedSink;

/**
 * Writes request and response heads (RFC 9112 §3, §4, §5): the start line, each field as
 * {@code Name: value}, and the empty line. {@link Headers} are valid by construction, and the
 * request target and reason phrase are checked here, so nothing written can inject a field or a
 * second message. The head is assembled into one array and written with one call; nothing is
 * flushed.
 */
public final class HeadWriter {
  private HeadWriter() {}

  /**
   * Writes {@code head} to {@code out}.
   *
   * @throws IllegalArgumentException if the target is empty or has a character outside
   *     {@code !..~} (space, control or non-ASCII)
   * @throws IOException if writing fails
   */
  public static void write(BufferedSink out, RequestHead head) throws IOException {
    String method = head.method().name();
    String target = head.target();
    checkTarget(target);
    String version = head.version().text();
    Headers headers = head.headers();
    int size = method.length() + 1 + target.length() + 1 + version.length() + 2 + fieldsSize(headers) + 2;
    byte[] bytes = new byte[size];
    int p = put(bytes, 0, method);
    bytes[p++] = ' ';
    p = put(bytes, p, target);
    bytes[p++] = ' ';
    p = put(bytes, p, version);
    bytes[p++] = '\r';
    bytes[p++] = '\n';
    p = putFields(bytes, p, headers);
    bytes[p++] = '\r';
    bytes[p] = '\n';
    out.write(bytes);
  }

  /**
   * Writes {@code head} to {@code out}; the status code is written as three digits.
   *
   * @throws IllegalArgumentException if the reason phrase contains CR, LF or another control
   *     character other than HTAB, or a character above U+00FF
   * @throws IOException if writing fails
   */
  public static void write(BufferedSink out, ResponseHead head) throws IOException {
    String version = head.version().text();
    String reason = head.reason();
    checkReason(reason);
    int code = head.status().code();
    Headers headers = head.headers();
    int size = version.length() + 5 + reason.length() + 2 + fieldsSize(headers) + 2;
    byte[] bytes = new byte[size];
    int p = put(bytes, 0, version);
    bytes[p++] = ' ';
    bytes[p++] = (byte) ('0' + code / 100);
    bytes[p++] = (byte) ('0' + code / 10 % 10);
    bytes[p++] = (byte) ('0' + code % 10);
    bytes[p++] = ' ';
    p = put(bytes, p, reason);
    bytes[p++] = '\r';
    bytes[p++] = '\n';
    p = putFields(bytes, p, headers);
    bytes[p++] = '\r';
    bytes[p] = '\n';
    out.write(bytes);
  }

  /**
   * Writes {@code fields} followed by the empty line that ends a field section: the trailer
   * section after a last chunk, for instance.
   *
   * @throws IOException if writing fails
   */
  public static void writeFields(BufferedSink out, Headers fields) throws IOException {
    byte[] bytes = new byte[fieldsSize(fields) + 2];
    int p = putFields(bytes, 0, fields);
    bytes[p++] = '\r';
    bytes[p] = '\n';
    out.write(bytes);
  }

  private static int fieldsSize(Headers headers) {
    int size = 0;
    for (int i = 0, n = headers.size(); i < n; i++) {
      size += headers.name(i).length() + 2 + headers.value(i).length() + 2;
    }
    return size;
  }

  private static int putFields(byte[] bytes, int p, Headers headers) {
    for (int i = 0, n = headers.size(); i < n; i++) {
      p = put(bytes, p, headers.name(i));
      bytes[p++] = ':';
      bytes[p++] = ' ';
      p = put(bytes, p, headers.value(i));
      bytes[p++] = '\r';
      bytes[p++] = '\n';
    }
    return p;
  }

  // Strings here hold only chars <= U+00FF (checked), written as ISO-8859-1.
  private static int put(byte[] bytes, int p, String s) {
    for (int i = 0, n = s.length(); i < n; i++) bytes[p++] = (byte) s.charAt(i);
    return p;
  }

  private static void checkTarget(String target) {
    if (target.isEmpty()) throw new IllegalArgumentException("empty request target");
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "request target must be percent-encoded: invalid character at index " + i);
      }
    }
  }

  private static void checkReason(String reason) {
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      if (c > 0xff || (c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException("invalid character in reason phrase at index " + i);
      }
    }
  }
}
