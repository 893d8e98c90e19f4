package io.groundwire.echo.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;

/** Opens the server's sockets and turns bind failures into messages that name the address. */
public final class Listening {
  private Listening() {}

  /**
   * A listening TCP socket; throws {@link BindException} naming the port when it is in use. No
   * address (or {@code ::}) means a dual-stack socket taking IPv4 and IPv6; an IPv4 address, even
   * {@code 0.0.0.0}, means IPv4 only, as the user asked.
   */
  public static ServerSocketChannel openTcp(InetAddress address, int port, int backlog) throws IOException {
    InetSocketAddress local = new InetSocketAddress(address, port);
    ServerSocketChannel channel = address instanceof Inet4Address
        ? ServerSocketChannel.open(StandardProtocolFamily.INET)
        : ServerSocketChannel.open();
    try {
      // Lets a restarted server bind while the last run's connections sit in TIME_WAIT.
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(local, backlog);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw bindFailure("TCP", local, e);
    }
  }

  /** A UDP socket on the same address and port as the TCP listener. */
  public static DatagramChannel openUdp(InetAddress address, int port) throws IOException {
    InetSocketAddress local = new InetSocketAddress(address, port);
    DatagramChannel channel = address instanceof Inet4Address
        ? DatagramChannel.open(StandardProtocolFamily.INET)
        : DatagramChannel.open();
    try {
      channel.bind(local);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw bindFailure("UDP", local, e);
    }
  }

  /** {@code [::]:7007}, {@code 127.0.0.1:7007}: an address as a user types it. */
  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host;
    if (ip == null) {
      host = address.getHostString();
    } else if (ip.isAnyLocalAddress()) {
      host = ip instanceof java.net.Inet6Address ? "[::]" : "0.0.0.0";
    } else if (ip instanceof java.net.Inet6Address) {
      host = "[" + compress(ip.getHostAddress()) + "]";
    } else {
      host = ip.getHostAddress();
    }
    return host + ":" + address.getPort();
  }

  private static String compress(String ipv6) {
    // 0:0:0:0:0:0:0:1 -> ::1 ; keeps the zone id (%eth0) if any
    String zone = "";
    int percent = ipv6.indexOf('%');
    if (percent >= 0) {
      zone = ipv6.substring(percent);
      ipv6 = ipv6.substring(0, percent);
    }
    String[] groups = ipv6.split(":", -1);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      if (groups[i].equals("0")) {
        int j = i;
        while (j < groups.length && groups[j].equals("0")) {
          j++;
        }
        if (j - i > bestLength) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return ipv6 + zone;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail + zone;
  }

  private static BindException bindFailure(String protocol, InetSocketAddress local, IOException cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String message = reason.toLowerCase(Locale.ROOT).contains("in use")
        ? protocol + " port " + local.getPort() + " is already in use"
            + (local.getAddress().isAnyLocalAddress() ? "" : " on " + format(local))
        : "cannot listen on " + protocol + " " + format(local) + ": " + reason;
    BindException failure = new BindException(message);
    failure.initCause(cause);
    return failure;
  }
}
