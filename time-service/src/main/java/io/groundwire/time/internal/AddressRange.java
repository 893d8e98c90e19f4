package io.groundwire.time.internal;

import io.groundwire.http.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address block in CIDR notation ("10.0.0.0/8", "::1/128", or one address). */
public final class AddressRange {
  private final byte[] network;
  private final int prefixLength;

  private AddressRange(byte[] network, int prefixLength) {
    this.network = network.clone();
    this.prefixLength = prefixLength;
  }

  /**
   * Parses "ADDRESS[/PREFIX]" of literal addresses only (no name lookups).
   *
   * @throws IllegalArgumentException if it is not a literal address or the prefix is out of range
   */
  public static AddressRange parse(String cidr) {
    String text = cidr.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!address.matches("[0-9A-Fa-f:.%]+") || address.isEmpty()) {
      throw new IllegalArgumentException("not a literal IP address or CIDR block: '" + cidr + "'");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not a literal IP address or CIDR block: '" + cidr + "'");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
      }
    }
    return new AddressRange(bytes, prefix);
  }

  /** True when {@code address} lies in this block (an IPv4 address never matches an IPv6 block). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int bits = prefixLength;
    for (int i = 0; i < candidate.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
      if ((candidate[i] & mask) != (network[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    try {
      return IpLiterals.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
