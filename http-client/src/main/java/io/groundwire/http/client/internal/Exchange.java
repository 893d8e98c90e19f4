package io.groundwire.http.client.internal;

import io.groundwire.http.Headers;
import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.Method;
import io.groundwire.http.client.ConnectionClosedException;
import io.groundwire.http.client.EventListener;
import io.groundwire.http.client.HttpClientException;
import io.groundwire.http.client.MalformedResponseException;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.RequestBody;
import io.groundwire.http.client.Response;
import io.groundwire.http.client.ResponseBody;
import io.groundwire.http.client.TruncatedBodyException;
import io.groundwire.http.codec.ResponseHead;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * One request and its response on one connection: writes the head (and a small body) in one
 * write, handles {@code Expect: 100-continue}, skips 1xx responses, and binds the response body to
 * the connection. Failing before any response byte on a reused connection is reported as
 * {@link StaleConnectionException} so the caller may retry.
 */
final class Exchange {
  /** Bodies up to this size go out in the same write as the head. */
  private static final long SMALL_BODY = 16 * 1024;
  /** A server sending 1xx forever is broken; more than this many in a row is an error. */
  private static final int MAX_INTERIM_RESPONSES = 20;

  private final CallEngine engine;
  private final RealConnection connection;
  private final boolean reused;
  private final EventListener listener;
  /** True once a response head (interim or final) was read in this exchange. */
  private boolean headRead;

  Exchange(CallEngine engine, RealConnection connection, boolean reused) {
    this.engine = engine;
    this.connection = connection;
    this.reused = reused;
    this.listener = engine.config().eventListener();
  }

  Response execute(Request request) throws IOException {
    BufferedSink sink = connection.sink();
    BufferedSource source = connection.source();
    RequestBody body = request.body();
    // Not for a Range: a range of a compressed representation cannot be decompressed on its own.
    boolean transparentGzip = engine.config().contentDecompression() && request.method() != Method.HEAD
        && request.header("Accept-Encoding") == null && request.header("Range") == null;
    boolean expectContinue = body != null && Http1Codec.expectsContinue(request);
    long contentLength = body == null ? -1 : body.contentLength();
    boolean closeAfter = Http1Codec.asksToClose(request.headers());

    okio.Buffer smallBody = null;
    if (body != null && !expectContinue && contentLength >= 0 && contentLength <= SMALL_BODY) {
      // Framed (its length checked) before anything is written, to go out in the same write as the head.
      smallBody = new okio.Buffer();
      try {
        Http1Codec.writeBody(smallBody, body);
      } catch (IOException e) {
        throw bodyFailed(e);
      }
    }
    try {
      String headText = null;
      if (listener == EventListener.NONE) {
        Http1Codec.writeRequestHead(sink, request, engine.config().userAgent(), transparentGzip);
      } else { // a listener sees the head exactly as written
        okio.Buffer headBytes = new okio.Buffer();
        Http1Codec.writeRequestHead(headBytes, request, engine.config().userAgent(), transparentGzip);
        headText = headBytes.snapshot().utf8();
        sink.writeAll(headBytes);
      }
      if (smallBody != null) {
        sink.writeAll(smallBody);
      }
      sink.flush();
      if (headText != null) {
        listener.requestHeadersSent(request, headText);
        if (smallBody != null) {
          listener.requestBodySent(request, contentLength);
        }
      }
    } catch (IOException e) {
      throw failedBeforeResponse(e, "writing the request");
    }

    ResponseHead head = null;
    if (body != null && (expectContinue || contentLength < 0 || contentLength > SMALL_BODY)) {
      if (expectContinue) {
        head = awaitContinue(request, source);
      }
      if (head == null) {
        try {
          long written = Http1Codec.writeBody(sink, body);
          listener.requestBodySent(request, written);
        } catch (IOException e) {
          if (e instanceof java.net.ProtocolException || !connection.hasSocketFailed()) {
            throw bodyFailed(e);
          }
          // RFC 9112 §9.5: a server may answer (e.g. 413) and close before reading the whole body.
          head = earlyResponse(source);
          if (head == null) {
            throw failedBeforeResponse(e, "writing the request body");
          }
        }
      } else {
        // A final status instead of 100: the body was not sent, so the connection is out of step.
        connection.noNewExchanges();
      }
    }
    if (head == null) {
      head = readFinalHead(source);
    }
    return response(request, head, transparentGzip, closeAfter);
  }

  /**
   * The error for a request body that failed on its own (its length differs from the declared one,
   * or its source failed): the connection may hold part of the message, so it takes no new exchange,
   * and the call is not retried.
   */
  private IOException bodyFailed(IOException e) {
    connection.noNewExchanges();
    if (e instanceof java.net.ProtocolException) {
      return new HttpClientException("request body does not match its declared length: " + e.getMessage(), e);
    }
    return e;
  }

  /** Waits briefly for {@code 100 Continue}; null means send the body, a head means don't. */
  private ResponseHead awaitContinue(Request request, BufferedSource source) throws IOException {
    int waitMillis = ClientConfig.millis(engine.config().expectContinueTimeout());
    // Other interim responses (103 Early Hints) may come before the 100: skip them and keep waiting.
    for (int interim = 0; ; interim++) {
      try {
        connection.readTimeout(waitMillis == 0 ? 1 : waitMillis);
        if (source.exhausted()) {
          throw failedBeforeResponse(new EOFException("end of stream"), "waiting for 100 Continue");
        }
      } catch (IOException e) {
        if (e.getCause() instanceof SocketTimeoutException) {
          connection.restoreReadTimeout();
          return null; // RFC 9110 §10.1.1: the client may send the body after waiting a while
        }
        throw e;
      }
      connection.restoreReadTimeout();
      ResponseHead head = readHead(source);
      if (head.status().code() == 100) {
        return null;
      }
      if (head.status().code() >= 200) {
        return head;
      }
      checkInterim(head, interim);
    }
  }

  /** After a failed body write, a response the server may already have sent; otherwise null. */
  private ResponseHead earlyResponse(BufferedSource source) {
    connection.noNewExchanges();
    try {
      return readFinalHead(source);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Reads heads until a final (non-1xx) one, skipping 100 and 103 (RFC 9110 §15.2). */
  private ResponseHead readFinalHead(BufferedSource source) throws IOException {
    try {
      if (source.exhausted()) {
        throw new EOFException("end of stream");
      }
    } catch (IOException e) {
      throw failedBeforeResponse(e, "waiting for the response");
    }
    for (int interim = 0; ; interim++) {
      ResponseHead head = readHead(source);
      if (head.status().code() >= 200) {
        return head;
      }
      checkInterim(head, interim);
    }
  }

  /** Fails on the {@code interim}-th (from 0) interim response when it is one too many, or a 101. */
  private void checkInterim(ResponseHead head, int interim) throws MalformedResponseException {
    if (interim == MAX_INTERIM_RESPONSES) {
      connection.noNewExchanges();
      throw new MalformedResponseException("more than " + MAX_INTERIM_RESPONSES + " interim (1xx) responses from "
          + connection.address());
    }
    if (head.status().code() == 101) {
      connection.noNewExchanges();
      throw new MalformedResponseException("unexpected 101 Switching Protocols from " + connection.address()
          + ": this client never asks for an upgrade");
    }
  }

  private ResponseHead readHead(BufferedSource source) throws IOException {
    try {
      if (!startsLikeAResponse(source)) {
        connection.noNewExchanges();
        MalformedResponseException e = new MalformedResponseException("not an HTTP/1.x response from "
            + connection.address() + ": it starts with " + printable(source));
        // On a reused connection, stray bytes before the first head are most likely the tail of an
        // earlier response longer than it declared: the connection, not this request, is broken.
        throw reused && !headRead ? new StaleConnectionException(e) : e;
      }
      ResponseHead head = Http1Codec.readResponseHead(source);
      headRead = true;
      return head;
    } catch (HttpProtocolException e) {
      connection.noNewExchanges();
      throw new MalformedResponseException("malformed response from " + connection.address() + ": " + e.getMessage(), e);
    } catch (EOFException e) {
      connection.noNewExchanges();
      throw new ConnectionClosedException("connection closed by " + connection.address()
          + " in the middle of the response head", e);
    }
  }

  private Response response(Request request, ResponseHead head, boolean transparentGzip, boolean closeAfter)
      throws IOException {
    Headers headers = head.headers();
    boolean keepAlive = !closeAfter && Http1Codec.keepAlive(head);
    Http1Codec.Body framed;
    try {
      framed = Http1Codec.responseBody(request.method(), head, connection.source());
    } catch (HttpProtocolException e) {
      throw new MalformedResponseException("invalid response framing from " + connection.address() + ": "
          + e.getMessage(), e);
    }
    // RFC 9112 §6.1: Transfer-Encoding overrides Content-Length, but both together may be a smuggling
    // attempt: read this response by Transfer-Encoding, then never trust the connection again.
    boolean conflictingFraming = headers.contains("Transfer-Encoding") && headers.contains("Content-Length");
    boolean reusable = keepAlive && framed.reusable() && !conflictingFraming;
    ExchangeSource exchangeSource = new ExchangeSource(engine, connection, request, framed.source(),
        framed.trailers(), reusable);
    BufferedSource bodySource = Okio.buffer(exchangeSource);
    long length = framed.length();
    // Every Content-Encoding line counts (RFC 9110 §5.3): "gzip" twice is two layers, which this
    // client does not undo, so the body is then handed over as it came, with its headers.
    String encoding = String.join(", ", headers.values("Content-Encoding"));
    if (transparentGzip && framed.length() != 0 && ContentDecoding.supports(encoding)) {
      bodySource = Okio.buffer(ContentDecoding.decode(encoding, bodySource));
      headers = headers.toBuilder().removeAll("Content-Encoding").removeAll("Content-Length").build();
      length = -1;
    }
    ResponseBody body = new ResponseBody(headers.get("Content-Type"), length, bodySource, exchangeSource::trailers,
        framed.extensions(), exchangeSource::abortIfReadElsewhere);
    Response response = new Response(request, head.version(), head.status().code(), head.reason(), headers, body);
    listener.responseHeadersReceived(request, response);
    if (framed.length() == 0) {
      exchangeSource.read(new okio.Buffer(), 1); // no body: hand the connection back now
    } else {
      // Watch the outermost source: every handle the caller may keep (the body, its stream) refers to it.
      exchangeSource.watchForLeak(bodySource);
    }
    return response;
  }

  /** True when the bytes available (up to 5) agree with "HTTP/". */
  private static boolean startsLikeAResponse(BufferedSource source) throws IOException {
    source.request(5);
    okio.Buffer buffer = source.getBuffer();
    long n = Math.min(5, buffer.size());
    for (int i = 0; i < n; i++) {
      if (buffer.getByte(i) != "HTTP/".charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String printable(BufferedSource source) {
    okio.Buffer buffer = source.getBuffer();
    StringBuilder s = new StringBuilder("'");
    for (long i = 0; i < Math.min(16, buffer.size()); i++) {
      int b = buffer.getByte(i) & 0xFF;
      s.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
    }
    return s.append("'").toString();
  }

  /** Names a failure before any response byte; on a reused connection it may be retried. */
  private IOException failedBeforeResponse(IOException e, String doing) {
    connection.noNewExchanges();
    if (e instanceof HttpClientException && !(e instanceof ConnectionClosedException)) {
      return e; // timeouts are not a stale connection: the server may be processing the request
    }
    ConnectionClosedException closed = e instanceof ConnectionClosedException c
        ? c
        : new ConnectionClosedException("connection to " + connection.address() + " closed before any response byte"
            + " (while " + doing + "): " + e.getMessage(), e);
    return reused ? new StaleConnectionException(closed) : closed;
  }

  /** Turns a failure while reading a body into the client's typed exception. */
  static IOException translateBodyFailure(RealConnection connection, Throwable e) {
    if (e instanceof HttpClientException h) {
      return h;
    }
    if (e instanceof HttpProtocolException p) {
      return new MalformedResponseException("malformed response body from " + connection.address() + ": "
          + p.getMessage(), p);
    }
    if (e instanceof EOFException) {
      return new TruncatedBodyException("connection closed by " + connection.address()
          + " before the end of the response body: " + e.getMessage(), e);
    }
    if (e instanceof IOException io) {
      return io;
    }
    throw (RuntimeException) e;
  }
}
