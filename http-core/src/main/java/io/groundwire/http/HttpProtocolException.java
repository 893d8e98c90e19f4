package io.groundwire.http;

import java.io.IOException;
import java.util.Objects;

/**
 * A message broke the HTTP protocol or one of our limits. Carries the {@link Status} a server
 * should answer with (400, 408, 413, 414, 431, 501, 505, or 502 for a malformed response seen by a
 * client) and whether the connection must be closed afterwards.
 *
 * <p>The codec throws this for every malformed head, framing or chunk. Its message names what was
 * wrong and is safe to show to the peer (it never echoes more than a few bytes of input).
 */
public final class HttpProtocolException extends IOException {
  private final Status status;
  private final boolean closeConnection;
  private final String requestLine;

  /** An error answered with {@code status}; {@code closeConnection} says the connection is unusable. */
  public HttpProtocolException(Status status, String message, boolean closeConnection) {
    this(status, message, closeConnection, null);
  }

  /** Like {@link #HttpProtocolException(Status, String, boolean)}, with the underlying cause. */
  public HttpProtocolException(Status status, String message, boolean closeConnection, Throwable cause) {
    this(status, message, closeConnection, cause, null);
  }

  private HttpProtocolException(Status status, String message, boolean closeConnection, Throwable cause,
      String requestLine) {
    super(message, cause);
    this.status = Objects.requireNonNull(status, "status");
    this.closeConnection = closeConnection;
    this.requestLine = requestLine;
  }

  /**
   * The request line (without CRLF) of the request this error is about, when it had been read
   * whole before the error (e.g. a bad header field after a good line); otherwise null. Servers
   * log it, and learn the method from it: an error answered to HEAD has no body.
   */
  public String requestLine() {
    return requestLine;
  }

  /** This error, carrying the request line it happened after (see {@link #requestLine()}). */
  public HttpProtocolException withRequestLine(String requestLine) {
    HttpProtocolException copy = new HttpProtocolException(status, getMessage(), closeConnection, getCause(),
        Objects.requireNonNull(requestLine, "requestLine"));
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /** The status a server should answer with. */
  public Status status() {
    return status;
  }

  /** True if the connection cannot be reused after this error (framing is lost or unsafe). */
  public boolean closeConnection() {
    return closeConnection;
  }

  /** 400 Bad Request, closing the connection: the message is malformed. */
  public static HttpProtocolException badRequest(String why) {
    return new HttpProtocolException(Status.BAD_REQUEST, why, true);
  }

  /** 408 Request Timeout, closing the connection: the head or body did not arrive in time. */
  public static HttpProtocolException requestTimeout(String why) {
    return new HttpProtocolException(Status.REQUEST_TIMEOUT, why, true);
  }

  /** 413 Content Too Large, closing the connection: the body exceeds a limit. */
  public static HttpProtocolException contentTooLarge(String why) {
    return new HttpProtocolException(Status.CONTENT_TOO_LARGE, why, true);
  }

  /** 414 URI Too Long, closing the connection: the request line exceeds its limit. */
  public static HttpProtocolException uriTooLong(String why) {
    return new HttpProtocolException(Status.URI_TOO_LONG, why, true);
  }

  /** 431 Request Header Fields Too Large, closing the connection: too many or too large fields. */
  public static HttpProtocolException headerFieldsTooLarge(String why) {
    return new HttpProtocolException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, why, true);
  }

  /** 501 Not Implemented, closing the connection: e.g. a transfer coding we do not implement. */
  public static HttpProtocolException notImplemented(String why) {
    return new HttpProtocolException(Status.NOT_IMPLEMENTED, why, true);
  }

  /** 505 HTTP Version Not Supported, closing the connection. */
  public static HttpProtocolException versionNotSupported(String why) {
    return new HttpProtocolException(Status.HTTP_VERSION_NOT_SUPPORTED, why, true);
  }

  /** 502 Bad Gateway, closing the connection: a client or proxy received a malformed response. */
  public static HttpProtocolException badResponse(String why) {
    return new HttpProtocolException(Status.BAD_GATEWAY, why, true);
  }
}
