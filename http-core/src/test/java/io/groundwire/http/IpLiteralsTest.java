package io.groundwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {
  private static String format(String literal) throws UnknownHostException {
    return IpLiterals.format(InetAddress.getByName(literal));
  }

  @Test
  void ipv6IsWrittenInRfc5952CanonicalForm() throws UnknownHostException {
    assertEquals("::1", format("0:0:0:0:0:0:0:1"));
    assertEquals("::", format("0:0:0:0:0:0:0:0"));
    assertEquals("2001:db8::7", format("2001:0DB8:0:0:0:0:0:0007"));
    assertEquals("fe80::", format("fe80:0:0:0:0:0:0:0"));
    assertEquals("2001:db8::1:0:0:1", format("2001:db8:0:0:1:0:0:1")); // first of two equal runs
    assertEquals("2001:0:0:1::1", format("2001:0:0:1:0:0:0:1")); // the longer run wins
    assertEquals("2001:db8:0:1:1:1:1:1", format("2001:db8:0:1:1:1:1:1")); // one zero group stays "0"
    assertEquals("fd00:198:18::1", format("fd00:198:18::1"));
  }

  @Test
  void ipv4IsADottedQuadAndMappedIpv6IsIpv4() throws UnknownHostException {
    assertEquals("198.18.0.1", format("198.18.0.1"));
    assertEquals("127.0.0.1", format("::ffff:127.0.0.1"));
  }

  @Test
  void anIpv6HoldingAMappedIpv4AddressEndsInADottedQuad() throws UnknownHostException {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
    assertEquals("::ffff:192.0.2.1", IpLiterals.format(Inet6Address.getByAddress(null, mapped, -1)));
  }

  @Test
  void aScopedAddressKeepsItsScope() throws UnknownHostException {
    byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
    assertEquals("fe80::1%3", IpLiterals.format(Inet6Address.getByAddress(null, linkLocal, 3)));
  }

  @Test
  void hostPortBracketsIpv6Only() throws UnknownHostException {
    assertEquals("[::]:8080", IpLiterals.hostPort(new InetSocketAddress(InetAddress.getByName("::"), 8080)));
    assertEquals("0.0.0.0:7007", IpLiterals.hostPort(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 7007)));
    assertEquals("[::1]:80", IpLiterals.hostPort(new InetSocketAddress(InetAddress.getByName("::1"), 80)));
    assertEquals("example.test:443", IpLiterals.hostPort(InetSocketAddress.createUnresolved("example.test", 443)));
    assertEquals("[::1]:443", IpLiterals.hostPort(InetSocketAddress.createUnresolved("::1", 443)));
    assertEquals("[::1]:443", IpLiterals.hostPort(InetSocketAddress.createUnresolved("[::1]", 443)));
  }
}
