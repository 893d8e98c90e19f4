package io.groundwire.cli.echo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Writes socket addresses the way users type them: {@code [::]:7007}, {@code 198.18.0.1:7007}. */
public final class Addresses {
  private Addresses() {}

  /**
   * The address as host:port: {@code [::]:7007} for a dual-stack wildcard, {@code 0.0.0.0:7007} for
   * an IPv4-only one, brackets around any other IPv6 address.
   */
  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      return address.getHostString() + ":" + address.getPort();
    }
    if (ip.isAnyLocalAddress()) {
      return (ip instanceof Inet6Address ? "[::]" : "0.0.0.0") + ":" + address.getPort();
    }
    if (ip instanceof Inet6Address) {
      return "[" + shortIpv6(ip.getHostAddress()) + "]:" + address.getPort();
    }
    return ip.getHostAddress() + ":" + address.getPort();
  }

  /** Collapses the longest run of zero groups: 0:0:0:0:0:0:0:1 becomes ::1. */
  static String shortIpv6(String full) {
    String zone = "";
    int percent = full.indexOf('%');
    String address = full;
    if (percent >= 0) {
      zone = full.substring(percent);
      address = full.substring(0, percent);
    }
    String[] groups = address.split(":", -1);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    if (bestStart < 0) {
      return address + zone;
    }
    return String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart))
        + "::" + String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length))
        + zone;
  }
}
