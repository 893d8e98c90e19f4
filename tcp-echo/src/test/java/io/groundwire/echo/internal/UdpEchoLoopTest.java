package io.groundwire.echo.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A datagram from a service port or the echo's own port gets no answer: it could start a loop. */
class UdpEchoLoopTest {
  @Test
  void privilegedPortsAndTheOwnPortMayStartALoopEphemeralOnesMayNot() {
    assertTrue(UdpEcho.mayStartLoop(7, 40000));     // another echo server
    assertTrue(UdpEcho.mayStartLoop(19, 40000));    // chargen
    assertTrue(UdpEcho.mayStartLoop(40000, 40000)); // ourselves
    assertFalse(UdpEcho.mayStartLoop(50000, 40000));
  }
}
