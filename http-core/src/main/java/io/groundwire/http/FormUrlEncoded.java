package io.groundwire.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The {@code application/x-www-form-urlencoded} format (WHATWG URL §5), used by HTML form posts
 * and query strings: {@code name=value} pairs joined by {@code &}, {@code +} for space,
 * percent-escapes for the rest.
 */
public final class FormUrlEncoded {
  private FormUrlEncoded() {}

  /**
   * Decodes UTF-8 form data or a query string. Empty pairs ({@code a=1&&b=2}) are skipped; a pair
   * without {@code =} has an empty value.
   *
   * @throws IllegalArgumentException for a malformed percent-escape or invalid UTF-8
   */
  public static QueryParameters decode(String encoded) {
    return decode(encoded, StandardCharsets.UTF_8);
  }

  /**
   * Decodes form data whose escapes encode {@code charset} bytes.
   *
   * @throws IllegalArgumentException for a malformed percent-escape or bytes invalid in
   *     {@code charset}
   */
  public static QueryParameters decode(String encoded, Charset charset) {
    if (encoded.isEmpty()) return QueryParameters.EMPTY;
    QueryParameters.Builder builder = QueryParameters.builder();
    int n = encoded.length();
    int start = 0;
    while (start <= n) {
      int amp = encoded.indexOf('&', start);
      int end = amp < 0 ? n : amp;
      if (end > start) {
        int eq = encoded.indexOf('=', start, end); // within the pair: a body of pairs without '=' stays linear
        if (eq < 0) eq = end;
        String name = PercentEncoding.decodeQueryComponent(encoded.substring(start, eq), charset);
        String value =
            eq == end
                ? ""
                : PercentEncoding.decodeQueryComponent(encoded.substring(eq + 1, end), charset);
        builder.add(name, value);
      }
      if (amp < 0) break;
      start = amp + 1;
    }
    return builder.build();
  }

  /**
   * Decodes a form body given as bytes in {@code charset} (a browser sends ASCII with escapes;
   * tools like curl may send raw UTF-8, which is accepted too).
   *
   * @throws IllegalArgumentException for a malformed percent-escape or invalid {@code charset}
   */
  public static QueryParameters decode(byte[] body, Charset charset) {
    String text;
    try {
      text = charset.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      // the same answer as for an escape of such bytes, rather than a silent U+FFFD
      throw new IllegalArgumentException("form data is not valid " + charset.name(), e);
    }
    return decode(text, charset);
  }

  /** Encodes the pairs as {@code name=value&...}, spaces as {@code +}. */
  public static String encode(QueryParameters parameters) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) sb.append('&');
      sb.append(PercentEncoding.encodeFormComponent(parameters.name(i)))
          .append('=')
          .append(PercentEncoding.encodeFormComponent(parameters.value(i)));
    }
    return sb.toString();
  }
}
