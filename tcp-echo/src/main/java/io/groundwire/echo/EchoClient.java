package io.groundwire.echo;

import io.groundwire.echo.internal.Connecting;
import io.groundwire.echo.internal.Durations;
import io.groundwire.echo.internal.Pipe;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One TCP conversation with an echo server: send bytes or text and read the echo, or stream an
 * {@link InputStream} through the server into an {@link OutputStream}.
 *
 * <pre>{@code
 * try (EchoClient client = EchoClient.connect("localhost", 7007, EchoClientOptions.defaults())) {
 *   String echo = client.echo("hello");
 * }
 * }</pre>
 *
 * <p>Failures are the java.net exceptions a Java user expects, with messages naming host and port:
 * {@link java.net.UnknownHostException}, {@link java.net.ConnectException} ("connection refused by
 * host:7007"), {@link SocketTimeoutException} (connect or read timeout), and {@link EOFException}
 * when the server closes before echoing everything. After a failure the client is closed.
 * Not safe for use by several threads at once.
 */
public final class EchoClient implements AutoCloseable {
  /** Payloads up to this size fit in the socket buffers, so they are written before reading. */
  private static final int SEQUENTIAL_LIMIT = 16 * 1024;

  private final Socket socket;
  private final String target;
  private final EchoClientOptions options;

  private EchoClient(Socket socket, String target, EchoClientOptions options) {
    this.socket = socket;
    this.target = target;
    this.options = options;
  }

  /**
   * Connects to an echo server, trying each address of {@code host} in turn.
   *
   * @throws java.net.UnknownHostException when {@code host} does not resolve (message: the host)
   * @throws java.net.ConnectException when the server refuses the connection
   * @throws SocketTimeoutException when no connection is made within the connect timeout
   * @throws IllegalArgumentException when the port is not 1 to 65535
   */
  public static EchoClient connect(String host, int port, EchoClientOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    Socket socket = Connecting.socket(host, port, options.connectTimeout());
    try {
      // 0 is "forever" to a socket: a limit under a millisecond must not round down to it
      java.time.Duration readTimeout = options.readTimeout();
      socket.setSoTimeout(readTimeout.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis())));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return new EchoClient(socket, Connecting.hostPort(host, port), options);
  }

  /** Connects with {@link EchoClientOptions#defaults()}; see {@link #connect(String, int, EchoClientOptions)}. */
  public static EchoClient connect(String host, int port) throws IOException {
    return connect(host, port, EchoClientOptions.defaults());
  }

  /** The server's address. */
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) socket.getRemoteSocketAddress();
  }

  /**
   * Sends {@code payload} and returns the same number of bytes read back (the echo). Large payloads
   * are written and read at the same time, so they never deadlock on full socket buffers.
   *
   * @throws SocketTimeoutException when echoed bytes stop arriving for the read timeout
   * @throws EOFException when the server closes before echoing the whole payload
   * @throws java.net.ProtocolException when the bytes that came back differ from those sent
   * @throws java.net.SocketException when the connection fails (reset, broken), naming the server
   */
  public byte[] echo(byte[] payload) throws IOException {
    Objects.requireNonNull(payload, "payload");
    try {
      byte[] echo;
      if (payload.length <= SEQUENTIAL_LIMIT) {
        OutputStream out = socket.getOutputStream();
        out.write(payload);
        out.flush();
        echo = readEcho(payload.length);
      } else {
        echo = echoConcurrently(payload);
      }
      int differs = java.util.Arrays.mismatch(payload, echo);
      if (differs >= 0) {
        throw new java.net.ProtocolException("server " + target + " did not echo what was sent: byte " + differs
            + " of " + payload.length + " differs");
      }
      return echo;
    } catch (java.net.SocketException e) {
      close();
      String message = String.valueOf(e.getMessage());
      if (message.contains(target)) {
        throw e;
      }
      java.net.SocketException named = new java.net.SocketException("connection to " + target + ": " + message);
      named.initCause(e);
      throw named;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Sends {@code text} as UTF-8 and returns the echo decoded as UTF-8; fails like {@link #echo(byte[])}. */
  public String echo(String text) throws IOException {
    return new String(echo(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /**
   * Streams {@code in} through the server into {@code out} (flushed as echoes arrive), like
   * {@code nc}: when {@code in} ends the client half-closes, and this returns once every byte sent
   * has come back. The read timeout only applies while echoed bytes are owed, so an interactive
   * user may pause as long as they like. Returns the number of bytes echoed. Neither stream is closed.
   *
   * @throws SocketTimeoutException when owed echoes stop arriving for the read timeout
   * @throws EOFException when the server closes before echoing everything sent
   * @throws IOException when reading {@code in} or writing {@code out} fails
   */
  public long pipe(InputStream in, OutputStream out) throws IOException {
    try {
      return new Pipe(socket, target, options).run(in, out);
    } finally {
      close();
    }
  }

  /** Closes the connection; idempotent. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more to do for a socket that failed to close
    }
  }

  private byte[] echoConcurrently(byte[] payload) throws IOException {
    AtomicReference<IOException> writeFailure = new AtomicReference<>();
    Thread writer = Thread.ofVirtual().name("echo-client-writer").start(() -> {
      try {
        OutputStream out = socket.getOutputStream();
        for (int offset = 0; offset < payload.length; offset += options.bufferSize()) {
          out.write(payload, offset, Math.min(options.bufferSize(), payload.length - offset));
        }
        out.flush();
      } catch (IOException e) {
        writeFailure.set(e);
      }
    });
    byte[] echo;
    try {
      echo = readEcho(payload.length);
    } catch (IOException e) {
      IOException written = writeFailure.get();
      throw written != null ? written : e;
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while sending to " + target);
    }
    if (writeFailure.get() != null) {
      throw writeFailure.get();
    }
    return echo;
  }

  private byte[] readEcho(int length) throws IOException {
    byte[] echo = new byte[length];
    InputStream in = socket.getInputStream();
    int received = 0;
    while (received < length) {
      int read;
      try {
        read = in.read(echo, received, length - received);
      } catch (SocketTimeoutException e) {
        SocketTimeoutException timeout = new SocketTimeoutException("no echo from " + target + " within "
            + Durations.format(options.readTimeout()) + " (" + received + " of " + length + " bytes back)");
        timeout.initCause(e);
        throw timeout;
      }
      if (read < 0) {
        throw new EOFException("server " + target + " closed the connection after echoing "
            + received + " of " + length + " bytes");
      }
      received += read;
    }
    return echo;
  }

  @Override
  public String toString() {
    return "EchoClient{" + target + "}";
  }
}
