package io.groundwire.http.server.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.HttpVersion;
import io.groundwire.http.IpLiterals;
import io.groundwire.http.Status;
import io.groundwire.http.codec.RequestHead;
import io.groundwire.http.server.AccessLog;
import io.groundwire.http.server.HttpServerOptions;
import java.io.IOException;
import okio.BufferedSource;
import okio.Source;

/**
 * One request-response exchange on a connection: checks the head (Host, framing, Expect, body
 * limit), runs the handler, turns its failure into a status, drains what it left unread, writes the
 * response and decides whether the connection persists (RFC 9112 §9.3).
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger(Exchange.class.getName());
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Connection connection;
  private final Listener listener;
  private final HttpServerOptions options;
  private final Transport transport;
  private final BufferedSource in;
  private final ResponseWriter writer;
  private final AccessLog accessLog;

  Exchange(Connection connection, Listener listener, Transport transport, BufferedSource in, ResponseWriter writer) {
    this.connection = connection;
    this.listener = listener;
    this.options = listener.options;
    this.transport = transport;
    this.in = in;
    this.writer = writer;
    this.accessLog = options.accessLog();
  }

  /** Serves the request whose head was read; returns whether the connection persists. */
  boolean serve(RequestHead head) throws IOException {
    String method = head.method().name();
    HttpVersion version = head.version();
    Headers headers = head.headers();
    boolean http11 = version == HttpVersion.HTTP_1_1;
    String requestLine = accessLog.enabled() ? method + " " + head.target() + " " + version.text() : "";

    long length;
    RequestTarget target;
    boolean expectContinue = false;
    try {
      // RFC 9112 §3.2: the codec checks HTTP/1.1's single Host; a repeated Host is an error in 1.0 too.
      if (!http11 && headers.values("Host").size() > 1) {
        throw HttpProtocolException.badRequest("more than one Host header");
      }
      length = WireCodec.bodyLength(head);
      target = RequestTarget.parse(method, head.target());
      String expect = headers.get("Expect");
      if (expect != null) {
        // RFC 9110 §10.1.1: 100-continue is the only expectation; HTTP/1.0 clients cannot wait for it.
        if (!expect.equalsIgnoreCase("100-continue")) {
          throw new HttpProtocolException(Status.EXPECTATION_FAILED, "unsupported expectation", true);
        }
        expectContinue = http11 && length != 0;
      }
      if (length > options.maxBodySize()) {
        throw HttpProtocolException.contentTooLarge("request body larger than " + options.maxBodySize() + " bytes");
      }
    } catch (HttpProtocolException e) {
      return connection.fail(e.status(), requestLine, method.equals("HEAD"));
    }

    Source framed = length == 0 ? null : WireCodec.bodySource(in, length, listener.limits);
    RequestBody body = new RequestBody(connection, framed, options.maxBodySize(), expectContinue);
    RequestImpl request = new RequestImpl(head.method(), head.target(), version, headers, target, transport, body,
        length, options.maxBodySize());
    ResponseImpl response = new ResponseImpl();
    boolean keepAlive = head.keepAlive();

    connection.disarmTimeout();
    try {
      if (target.rawPath().equals("*")) response.status(204); // OPTIONS *: nothing to say about the server
      else listener.handler.handle(request, response);
    } catch (Throwable t) {
      Status status;
      if (t instanceof HttpProtocolException p) {
        status = p.status();
        if (p.closeConnection()) keepAlive = false;
      } else if (t instanceof MalformedRequest) {
        status = Status.BAD_REQUEST;
      } else {
        status = Status.INTERNAL_SERVER_ERROR;
        LOG.log(System.Logger.Level.ERROR, "handler failed for " + method + " " + head.target(), t);
      }
      response.reset();
      response.status = status;
      response.text(status.reason());
      if (t instanceof Error && !(t instanceof StackOverflowError)) keepAlive = false;
    }

    // What the handler left unread is drained after the response is sent (within a bound), or the
    // connection closes; either way the response does not wait for a body the client is still sending.
    boolean drainAfter = false;
    if (!body.finished()) {
      if (keepAlive && body.drainable(length, options.maxDrainSize())) drainAfter = true;
      else keepAlive = false;
    }
    if (body.broken() || response.closeRequested || listener.closing
        || connection.requests() >= options.maxRequestsPerConnection()) {
      keepAlive = false;
    }

    boolean headRequest = method.equals("HEAD");
    // Pipelined requests already buffered: hold a small response to send it with the next ones.
    boolean hold = keepAlive && !drainAfter && in.getBuffer().size() > 0;
    boolean persists;
    try {
      persists = writer.write(response, headRequest, http11, keepAlive, hold);
    } catch (ResponseNotStarted e) {
      LOG.log(System.Logger.Level.ERROR, "response body failed for " + method + " " + head.target(), e.getCause());
      return connection.fail(Status.INTERNAL_SERVER_ERROR, requestLine, headRequest);
    } finally {
      connection.disarmTimeout();
    }
    log(requestLine, response.status.code(), writer.bodyBytes, headers);
    if (persists && drainAfter && !body.drain(options.maxDrainSize())) persists = false;
    if (!persists) {
      if (body.finished() && in.getBuffer().size() == 0) return false;
      connection.lingerClose();
      return false;
    }
    return true;
  }

  /** Writes the access log line for one answered request (nginx {@code combined}). */
  void log(String requestLine, int status, long bytes, Headers headers) {
    if (!accessLog.enabled()) return;
    StringBuilder line = new StringBuilder(160);
    line.append(IpLiterals.format(transport.remoteAddress().getAddress())).append(" - - [")
        .append(listener.heads.logTime()).append("] \"");
    escape(line, requestLine);
    line.append("\" ").append(status).append(' ').append(bytes).append(" \"");
    escape(line, orDash(headers.get("Referer")));
    line.append("\" \"");
    escape(line, orDash(headers.get("User-Agent")));
    line.append('"');
    accessLog.log(line.toString());
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }

  /** nginx escapes '"', '\' and bytes outside printable ASCII as \xXX. */
  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) {
        out.append("\\x").append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
  }
}
