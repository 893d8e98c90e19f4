package io.groundwire.http;

/**
 * The HTTP/1 protocol versions this library speaks. HTTP/2 and HTTP/3 are not HTTP/1 messages and
 * are refused with 505.
 */
public enum HttpVersion {
  /** HTTP/1.0: connections close after each message unless {@code Connection: keep-alive}. */
  HTTP_1_0("HTTP/1.0"),
  /** HTTP/1.1: persistent connections by default, chunked coding. */
  HTTP_1_1("HTTP/1.1");

  private final String text;

  HttpVersion(String text) {
    this.text = text;
  }

  /** The version as written on the wire, e.g. {@code "HTTP/1.1"}. */
  public String text() {
    return text;
  }

  /**
   * Parses {@code HTTP/<digit>.<digit>} (RFC 9112 §2.3, case-sensitive). A higher HTTP/1 minor
   * version (e.g. {@code HTTP/1.2}) is treated as HTTP/1.1 (RFC 9110 §6.2).
   *
   * @throws HttpProtocolException 400 if the text is not an HTTP-version, 505 if its major version
   *     is not 1
   */
  public static HttpVersion parse(String text) throws HttpProtocolException {
    if (text.length() != 8
        || !text.startsWith("HTTP/")
        || !isDigit(text.charAt(5))
        || text.charAt(6) != '.'
        || !isDigit(text.charAt(7))) {
      throw HttpProtocolException.badRequest("malformed HTTP version");
    }
    return of(text.charAt(5) - '0', text.charAt(7) - '0');
  }

  /**
   * The version with the given major and minor digits.
   *
   * @throws HttpProtocolException 505 if {@code major} is not 1
   */
  public static HttpVersion of(int major, int minor) throws HttpProtocolException {
    if (major != 1) {
      throw HttpProtocolException.versionNotSupported(
          "HTTP version " + major + "." + minor + " not supported");
    }
    return minor == 0 ? HTTP_1_0 : HTTP_1_1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The version as written on the wire. */
  @Override
  public String toString() {
    return text;
  }
}
