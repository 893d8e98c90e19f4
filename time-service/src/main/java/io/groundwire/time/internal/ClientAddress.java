package io.groundwire.time.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The caller's address: the connection's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping trusted proxies, and the first untrusted address
 * is the client. A header from an untrusted peer is ignored entirely: anyone can write one.
 */
public final class ClientAddress {
  private final List<AddressRange> trusted;

  public ClientAddress(List<AddressRange> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** The client's address for a connection from {@code peer} carrying {@code forwardedFor} (may be null). */
  public InetAddress resolve(InetAddress peer, String forwardedFor) {
    if (forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = literal(hops[i].trim());
      if (hop == null) {
        // A hop we cannot read ends the chain of trust; the last good one is the best we know.
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(InetAddress address) {
    for (AddressRange range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static InetAddress literal(String text) {
    String host = text;
    if (host.startsWith("[") && host.contains("]")) {
      host = host.substring(1, host.indexOf(']'));
    } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      host = host.substring(0, host.indexOf(':')); // IPv4 with a port
    }
    // Only literals: a name (even one of hex letters and dots, like "facade.bad") would make
    // InetAddress look it up in the DNS, on every request, at the sender's choice.
    boolean ipv6 = host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+");
    if (!ipv6 && !isDottedQuad(host)) {
      return null;
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Four decimal numbers 0-255 joined by dots: the only IPv4 form taken ("5" or "127.1" are not). */
  private static boolean isDottedQuad(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
