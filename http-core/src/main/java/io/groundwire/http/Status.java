package io.groundwire.http;

/**
 * An HTTP status code with its reason phrase (RFC 9110 §15). An open set: any code from 100 to
 * 999 is valid. Two statuses are equal when their codes are equal; the reason phrase is only
 * informational (RFC 9112 §4: clients ignore it).
 */
public final class Status {
  private static final Status[] STANDARD = new Status[600];

  /** 100 Continue. */
  public static final Status CONTINUE = standard(100, "Continue");
  /** 101 Switching Protocols. */
  public static final Status SWITCHING_PROTOCOLS = standard(101, "Switching Protocols");
  /** 103 Early Hints. */
  public static final Status EARLY_HINTS = standard(103, "Early Hints");
  /** 200 OK. */
  public static final Status OK = standard(200, "OK");
  /** 201 Created. */
  public static final Status CREATED = standard(201, "Created");
  /** 202 Accepted. */
  public static final Status ACCEPTED = standard(202, "Accepted");
  /** 203 Non-Authoritative Information. */
  public static final Status NON_AUTHORITATIVE_INFORMATION =
      standard(203, "Non-Authoritative Information");
  /** 204 No Content. */
  public static final Status NO_CONTENT = standard(204, "No Content");
  /** 205 Reset Content. */
  public static final Status RESET_CONTENT = standard(205, "Reset Content");
  /** 206 Partial Content. */
  public static final Status PARTIAL_CONTENT = standard(206, "Partial Content");
  /** 300 Multiple Choices. */
  public static final Status MULTIPLE_CHOICES = standard(300, "Multiple Choices");
  /** 301 Moved Permanently. */
  public static final Status MOVED_PERMANENTLY = standard(301, "Moved Permanently");
  /** 302 Found. */
  public static final Status FOUND = standard(302, "Found");
  /** 303 See Other. */
  public static final Status SEE_OTHER = standard(303, "See Other");
  /** 304 Not Modified. */
  public static final Status NOT_MODIFIED = standard(304, "Not Modified");
  /** 307 Temporary Redirect. */
  public static final Status TEMPORARY_REDIRECT = standard(307, "Temporary Redirect");
  /** 308 Permanent Redirect. */
  public static final Status PERMANENT_REDIRECT = standard(308, "Permanent Redirect");
  /** 400 Bad Request. */
  public static final Status BAD_REQUEST = standard(400, "Bad Request");
  /** 401 Unauthorized. */
  public static final Status UNAUTHORIZED = standard(401, "Unauthorized");
  /** 402 Payment Required. */
  public static final Status PAYMENT_REQUIRED = standard(402, "Payment Required");
  /** 403 Forbidden. */
  public static final Status FORBIDDEN = standard(403, "Forbidden");
  /** 404 Not Found. */
  public static final Status NOT_FOUND = standard(404, "Not Found");
  /** 405 Method Not Allowed. */
  public static final Status METHOD_NOT_ALLOWED = standard(405, "Method Not Allowed");
  /** 406 Not Acceptable. */
  public static final Status NOT_ACCEPTABLE = standard(406, "Not Acceptable");
  /** 407 Proxy Authentication Required. */
  public static final Status PROXY_AUTHENTICATION_REQUIRED =
      standard(407, "Proxy Authentication Required");
  /** 408 Request Timeout. */
  public static final Status REQUEST_TIMEOUT = standard(408, "Request Timeout");
  /** 409 Conflict. */
  public static final Status CONFLICT = standard(409, "Conflict");
  /** 410 Gone. */
  public static final Status GONE = standard(410, "Gone");
  /** 411 Length Required. */
  public static final Status LENGTH_REQUIRED = standard(411, "Length Required");
  /** 412 Precondition Failed. */
  public static final Status PRECONDITION_FAILED = standard(412, "Precondition Failed");
  /** 413 Content Too Large. */
  public static final Status CONTENT_TOO_LARGE = standard(413, "Content Too Large");
  /** 414 URI Too Long. */
  public static final Status URI_TOO_LONG = standard(414, "URI Too Long");
  /** 415 Unsupported Media Type. */
  public static final Status UNSUPPORTED_MEDIA_TYPE = standard(415, "Unsupported Media Type");
  /** 416 Range Not Satisfiable. */
  public static final Status RANGE_NOT_SATISFIABLE = standard(416, "Range Not Satisfiable");
  /** 417 Expectation Failed. */
  public static final Status EXPECTATION_FAILED = standard(417, "Expectation Failed");
  /** 421 Misdirected Request. */
  public static final Status MISDIRECTED_REQUEST = standard(421, "Misdirected Request");
  /** 422 Unprocessable Content. */
  public static final Status UNPROCESSABLE_CONTENT = standard(422, "Unprocessable Content");
  /** 426 Upgrade Required. */
  public static final Status UPGRADE_REQUIRED = standard(426, "Upgrade Required");
  /** 428 Precondition Required. */
  public static final Status PRECONDITION_REQUIRED = standard(428, "Precondition Required");
  /** 429 Too Many Requests. */
  public static final Status TOO_MANY_REQUESTS = standard(429, "Too Many Requests");
  /** 431 Request Header Fields Too Large. */
  public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE =
      standard(431, "Request Header Fields Too Large");
  /** 500 Internal Server Error. */
  public static final Status INTERNAL_SERVER_ERROR = standard(500, "Internal Server Error");
  /** 501 Not Implemented. */
  public static final Status NOT_IMPLEMENTED = standard(501, "Not Implemented");
  /** 502 Bad Gateway. */
  public static final Status BAD_GATEWAY = standard(502, "Bad Gateway");
  /** 503 Service Unavailable. */
  public static final Status SERVICE_UNAVAILABLE = standard(503, "Service Unavailable");
  /** 504 Gateway Timeout. */
  public static final Status GATEWAY_TIMEOUT = standard(504, "Gateway Timeout");
  /** 505 HTTP Version Not Supported. */
  public static final Status HTTP_VERSION_NOT_SUPPORTED =
      standard(505, "HTTP Version Not Supported");

  private final int code;
  private final String reason;

  private Status(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  private static Status standard(int code, String reason) {
    Status status = new Status(code, reason);
    STANDARD[code] = status;
    return status;
  }

  /**
   * The status with {@code code}: a constant with its standard reason phrase when there is one,
   * otherwise a status with an empty reason phrase. Does not allocate for standard codes.
   *
   * @throws IllegalArgumentException if {@code code} is not within 100..999 (RFC 9110 §15)
   */
  public static Status of(int code) {
    if (code >= 100 && code < STANDARD.length && STANDARD[code] != null) return STANDARD[code];
    return of(code, "");
  }

  /**
   * A status with {@code code} and a custom reason phrase.
   *
   * @throws IllegalArgumentException if {@code code} is not within 100..999, or the reason
   *     contains CR, LF or another control character other than HTAB
   */
  public static Status of(int code, String reason) {
    if (code < 100 || code > 999) {
      throw new IllegalArgumentException("status code out of range 100..999: " + code);
    }
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      // RFC 9112 §4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
      if (c > 0xff || (c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException("invalid character in reason phrase at index " + i);
      }
    }
    return new Status(code, reason);
  }

  /** The three-digit code, e.g. 404. */
  public int code() {
    return code;
  }

  /** The reason phrase, e.g. {@code "Not Found"}; may be empty. */
  public String reason() {
    return reason;
  }

  /** True for 1xx. */
  public boolean isInformational() {
    return code >= 100 && code < 200;
  }

  /** True for 2xx. */
  public boolean isSuccess() {
    return code >= 200 && code < 300;
  }

  /** True for 3xx. */
  public boolean isRedirect() {
    return code >= 300 && code < 400;
  }

  /** True for 4xx. */
  public boolean isClientError() {
    return code >= 400 && code < 500;
  }

  /** True for 5xx. */
  public boolean isServerError() {
    return code >= 500 && code < 600;
  }

  /** Statuses are equal when their codes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Status s && s.code == code;
  }

  @Override
  public int hashCode() {
    return code;
  }

  /** The code and reason, e.g. {@code "404 Not Found"}. */
  @Override
  public String toString() {
    return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
  }
}
