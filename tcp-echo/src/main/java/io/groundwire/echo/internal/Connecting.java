package io.groundwire.echo.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Resolves a host and connects to it, trying each of its addresses in turn, and turns failures into
 * the java.net exception of the right type with a message naming host and port.
 */
public final class Connecting {
  private Connecting() {}

  /** The addresses of {@code host}; {@link UnknownHostException} carrying just the host name when none. */
  public static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host == null || host.isBlank()) {
      throw new UnknownHostException("(empty host name)");
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      UnknownHostException failure = new UnknownHostException(host);
      failure.initCause(e);
      throw failure;
    }
  }

  /** A connected blocking socket with TCP_NODELAY set. */
  public static Socket socket(String host, int port, Duration timeout) throws IOException {
    checkPort(port);
    IOException last = null;
    for (InetAddress address : resolve(host)) {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(address, port), timeoutMillis(timeout));
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    throw describe(host, port, timeout, last);
  }

  /** A connected blocking channel with TCP_NODELAY set; the connect timeout is enforced by a watchdog. */
  public static SocketChannel channel(String host, int port, Duration timeout) throws IOException {
    checkPort(port);
    IOException last = null;
    for (InetAddress address : resolve(host)) {
      try {
        // Connect through the socket adaptor, which honours a timeout, then use the channel.
        SocketChannel channel = SocketChannel.open();
        try {
          channel.socket().connect(new InetSocketAddress(address, port), timeoutMillis(timeout));
          channel.socket().setTcpNoDelay(true);
          return channel;
        } catch (IOException e) {
          channel.close();
          throw e;
        }
      } catch (IOException e) {
        last = e;
      }
    }
    throw describe(host, port, timeout, last);
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
    }
  }

  private static int timeoutMillis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
  }

  private static IOException describe(String host, int port, Duration timeout, IOException cause) {
    String target = hostPort(host, port);
    IOException failure;
    if (cause instanceof SocketTimeoutException) {
      failure = new SocketTimeoutException("no connection to " + target + " within " + Durations.format(timeout));
    } else if (cause instanceof ConnectException) {
      String reason = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
      failure = reason.contains("refused")
          ? new ConnectException("connection refused by " + target)
          : new ConnectException("cannot connect to " + target + ": " + cause.getMessage());
    } else if (cause instanceof NoRouteToHostException) {
      failure = new NoRouteToHostException("no route to " + target);
    } else {
      failure = new IOException("cannot connect to " + target + ": " + cause.getMessage());
    }
    failure.initCause(cause);
    return failure;
  }

  /** {@code host:port}, with brackets around an IPv6 literal. */
  public static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
