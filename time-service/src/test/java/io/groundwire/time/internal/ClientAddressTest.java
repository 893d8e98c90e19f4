package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress resolver = new ClientAddress(
      List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1")));

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void aRangeIsWrittenAsItIsTyped() {
    assertEquals("2001:db8::/32", AddressRange.parse("2001:0db8:0:0::/32").toString());
    assertEquals("10.0.0.0/8", AddressRange.parse("10.0.0.0/8").toString());
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    assertEquals(ip("203.0.113.5"), resolver.resolve(ip("203.0.113.5"), "198.51.100.1"));
  }

  @Test
  void trustedProxyChainIsWalkedFromTheRight() throws Exception {
    assertEquals(ip("198.51.100.1"), resolver.resolve(ip("10.1.1.1"), "192.0.2.9, 198.51.100.1, 10.2.2.2"));
  }

  @Test
  void unreadableHopStopsTheWalkAtTheLastGoodAddress() throws Exception {
    assertEquals(ip("10.2.2.2"), resolver.resolve(ip("10.1.1.1"), "unknown, 10.2.2.2"));
  }

  @Test
  void onlyDottedQuadsAndIpv6LiteralsAreAddressesNeverNamesOrShortForms() throws Exception {
    // "facade.bad" is all hex letters and dots: taken as a name it would be looked up in the DNS
    assertEquals(ip("10.2.2.2"), resolver.resolve(ip("10.1.1.1"), "facade.bad, 10.2.2.2"));
    assertEquals(ip("10.2.2.2"), resolver.resolve(ip("10.1.1.1"), "5, 10.2.2.2"));
    assertEquals(ip("10.2.2.2"), resolver.resolve(ip("10.1.1.1"), "127.1, 10.2.2.2"));
    assertEquals(ip("10.2.2.2"), resolver.resolve(ip("10.1.1.1"), "1.2.3.256, 10.2.2.2"));
    assertEquals(ip("192.0.2.1"), resolver.resolve(ip("10.1.1.1"), "192.0.2.1:8080"));
  }

  @Test
  void ipv6PeerAndBracketedHopWithPort() throws Exception {
    assertEquals(ip("2001:db8::7"), resolver.resolve(ip("::1"), "[2001:db8::7]:4711"));
  }

  @Test
  void cidrBlocksMatchByPrefix() throws Exception {
    AddressRange range = AddressRange.parse("192.168.4.0/22");
    assertEquals(true, range.contains(ip("192.168.7.255")));
    assertEquals(false, range.contains(ip("192.168.8.0")));
    assertEquals(false, range.contains(ip("::1")));
  }

  @Test
  void namesAreNotAcceptedAsProxies() {
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("proxy.example"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
  }
}
