package io.groundwire.http.server.internal;

import io.groundwire.http.HttpProtocolException;
import io.groundwire.http.Status;
import java.io.IOException;
import java.io.InputStream;
import okio.Buffer;
import okio.Source;

/**
 * The request body as a lazily read stream over the connection: sends {@code 100 Continue} before
 * the first read when asked to, arms the body timeout around each read, and refuses bodies over the
 * limit with 413. Any failure leaves the connection unusable ({@link #broken()}).
 */
final class RequestBody extends InputStream {
  private final Connection connection;
  private final Source framed; // null when the request has no body
  private final long limit;
  private Buffer buffer = EMPTY; // replaced on the first read, so body-less requests allocate nothing
  private static final Buffer EMPTY = new Buffer();
  private boolean expectContinue;
  private boolean continueSent;
  private boolean finished;
  private boolean broken;
  private long total;

  RequestBody(Connection connection, Source framed, long limit, boolean expectContinue) {
    this.connection = connection;
    this.framed = framed;
    this.limit = limit;
    this.expectContinue = expectContinue;
    this.finished = framed == null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) return 0;
    if (buffer.size() == 0 && !fill(Math.max(len, 8192))) return -1;
    return buffer.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      if (buffer.size() == 0 && !fill(8192)) break;
      long step = Math.min(n - skipped, buffer.size());
      buffer.skip(step);
      skipped += step;
    }
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, buffer.size());
  }

  @Override
  public void close() {
    // The connection drains or closes what is left after the handler returns.
  }

  private boolean fill(long want) throws IOException {
    if (finished) return false;
    if (broken) throw HttpProtocolException.badRequest("request body already failed");
    if (buffer == EMPTY) buffer = new Buffer();
    if (expectContinue) {
      expectContinue = false;
      connection.sendContinue();
      continueSent = true;
    }
    connection.armBodyTimeout();
    try {
      long n = framed.read(buffer, want);
      if (n < 0) {
        finished = true;
        return false;
      }
      total += n;
      if (total > limit) {
        broken = true;
        throw HttpProtocolException.contentTooLarge("request body larger than " + limit + " bytes");
      }
      return true;
    } catch (HttpProtocolException e) {
      broken = true;
      throw connection.expired() ? HttpProtocolException.requestTimeout("request body too slow") : e;
    } catch (IOException e) {
      broken = true;
      if (connection.expired()) throw HttpProtocolException.requestTimeout("request body too slow");
      // The client stopped sending (end of stream, reset) before the body's end: its failure, not
      // the handler's, so an uncaught one is a 400 and not a logged 500.
      throw new HttpProtocolException(Status.BAD_REQUEST, "request body incomplete: " + e.getMessage(), true, e);
    } finally {
      connection.disarmTimeout();
    }
  }

  /**
   * Reads and discards the rest of the body, at most {@code maxBytes}.
   *
   * @return whether the body ended within the bound without error
   */
  boolean drain(long maxBytes) {
    if (finished) return true;
    if (broken || expectContinue) return false; // never asked the client to send it (RFC 9110 §10.1.1)
    try {
      long left = maxBytes - buffer.size();
      buffer.clear();
      while (left >= 0) {
        if (!fill(8192)) return true;
        left -= buffer.size();
        buffer.clear();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether the rest of the body may be drained within {@code maxBytes}: the client was asked for it
   * (not an unanswered {@code 100-continue}), reading has not failed, and a declared length
   * ({@code declaredLength}, -1 for chunked) leaves at most that much still to come.
   */
  boolean drainable(long declaredLength, long maxBytes) {
    if (broken || expectContinue) return false;
    return declaredLength < 0 || declaredLength - total <= maxBytes;
  }

  /** Whether reading failed, so the connection's input is in an unknown state. */
  boolean broken() {
    return broken;
  }

  /** Whether the handler read the body to its end. */
  boolean finished() {
    return finished;
  }

  /** Whether a {@code 100 Continue} went out. */
  boolean continueSent() {
    return continueSent;
  }

  /** How many body bytes were received. */
  long received() {
    return total;
  }
}
