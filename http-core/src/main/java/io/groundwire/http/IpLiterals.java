package io.groundwire.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * IP addresses written the way people and logs expect them: IPv6 in RFC 5952's canonical form
 * ({@code ::1}, {@code 2001:db8::7}, not {@link InetAddress#getHostAddress()}'s
 * {@code 0:0:0:0:0:0:0:1}), IPv4 as a dotted quad.
 *
 * <pre>{@code
 * IpLiterals.format(InetAddress.getByName("::1"));                      // "::1"
 * IpLiterals.hostPort(new InetSocketAddress("2001:db8:0:0:0:0:0:7", 80)); // "[2001:db8::7]:80"
 * }</pre>
 *
 * <p>Nothing here looks a name up: the methods only format what they are given, and fail only with
 * a {@link NullPointerException} for a null argument.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /**
   * The address as text: RFC 5952 for IPv6 (lower case, no leading zeros, the first longest run
   * of two or more zero groups written {@code ::}, an IPv4-mapped address as
   * {@code ::ffff:192.0.2.1}), with its scope ({@code %eth0}) if it has one.
   */
  public static String format(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    byte[] bytes = v6.getAddress();
    if (isIpv4Mapped(bytes)) {
      return "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
    }
    int zerosStart = -1;
    int zerosLength = 1; // a single zero group is written "0", never "::"
    for (int i = 0; i < 8; ) {
      if (group(bytes, i) != 0) {
        i++;
        continue;
      }
      int end = i;
      while (end < 8 && group(bytes, end) == 0) end++;
      if (end - i > zerosLength) {
        zerosStart = i;
        zerosLength = end - i;
      }
      i = end;
    }
    StringBuilder text = new StringBuilder(40);
    for (int i = 0; i < 8; i++) {
      if (i == zerosStart) {
        text.append("::");
        i += zerosLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') text.append(':');
      text.append(Integer.toHexString(group(bytes, i)));
    }
    String full = v6.getHostAddress();
    int scope = full.indexOf('%');
    return scope < 0 ? text.toString() : text.append(full, scope, full.length()).toString();
  }

  /**
   * {@code host:port} as typed in a URL: an IPv6 host in brackets ({@code [::]:8080}), an address
   * without a resolved IP by its host string (bracketed too when that is an IPv6 literal).
   */
  public static String hostPort(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      String host = address.getHostString();
      boolean bare = host.indexOf(':') >= 0 && !host.startsWith("[");
      return (bare ? "[" + host + "]" : host) + ":" + address.getPort();
    }
    String host = format(ip);
    return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) return false;
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static int group(byte[] bytes, int index) {
    return (bytes[2 * index] & 0xff) << 8 | bytes[2 * index + 1] & 0xff;
  }
}
