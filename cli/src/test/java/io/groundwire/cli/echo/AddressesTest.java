package io.groundwire.cli.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {
  @Test
  void dualStackWildcardIsWrittenAsBracketedDoubleColon() throws Exception {
    assertEquals("[::]:8080", Addresses.format(new InetSocketAddress(InetAddress.getByName("::"), 8080)));
  }

  @Test
  void ipv4WildcardStaysZeroes() throws Exception {
    assertEquals("0.0.0.0:8080", Addresses.format(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8080)));
  }

  @Test
  void ipv6LoopbackIsShortAndBracketed() throws Exception {
    assertEquals("[::1]:7007", Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 7007)));
  }
}
