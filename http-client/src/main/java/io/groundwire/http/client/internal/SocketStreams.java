package io.groundwire.http.client.internal;

import io.groundwire.http.client.CallTimeoutException;
import io.groundwire.http.client.ConnectionClosedException;
import io.groundwire.http.client.ReadTimeoutException;
import io.groundwire.http.client.WriteTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import okio.Buffer;
import okio.Okio;
import okio.Sink;
import okio.Source;
import okio.Timeout;

/**
 * The raw byte streams of one connection. Each read and each write arms the connection's read or
 * write deadline for the {@link Watchdog} (two volatile writes, no system call). Failures are
 * translated here, once, into the client's typed exceptions: a read, write or call deadline that
 * closed the socket, a short SO_TIMEOUT that expired, a reset by the peer.
 */
final class SocketStreams {
  private SocketStreams() {}

  static Source source(RealConnection connection, InputStream in) {
    Source raw = Okio.source(in);
    return new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        connection.armReadDeadline();
        try {
          return raw.read(sink, byteCount);
        } catch (IOException e) {
          throw translate(connection, e, "reading from");
        } finally {
          connection.disarmReadDeadline();
        }
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  static Sink sink(RealConnection connection, OutputStream out, long writeTimeoutNanos) {
    Sink raw = Okio.sink(out);
    return new Sink() {
      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        connection.armWriteDeadline(writeTimeoutNanos);
        try {
          raw.write(source, byteCount);
        } catch (IOException e) {
          throw translate(connection, e, "writing to");
        } finally {
          connection.disarmWriteDeadline();
        }
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  /** Names the failure: which deadline fired, or what the peer did. */
  static IOException translate(RealConnection connection, IOException e, String doing) {
    if (e instanceof SocketTimeoutException) {
      // a short SO_TIMEOUT (stale probe, 100-continue wait, drain) expired: the socket is still fine
      return new ReadTimeoutException("read timed out " + doing.replace("reading from", "waiting for") + " "
          + connection.address(), e);
    }
    connection.socketFailed();
    switch (connection.expiredDeadline()) {
      case RealConnection.CALL_DEADLINE:
        return new CallTimeoutException("call timed out " + doing + " " + connection.address(), e);
      case RealConnection.WRITE_DEADLINE:
        return new WriteTimeoutException("write timed out " + doing + " " + connection.address(), e);
      case RealConnection.READ_DEADLINE:
        return new ReadTimeoutException("read timed out: nothing received from " + connection.address()
            + " within the read timeout", e);
      default:
        break;
    }
    String message = String.valueOf(e.getMessage());
    if (e instanceof SocketException && (message.contains("reset") || message.contains("Broken pipe"))) {
      return new ConnectionClosedException("connection " + message.toLowerCase(java.util.Locale.ROOT)
          + " while " + doing + " " + connection.address(), e);
    }
    return e;
  }
}
