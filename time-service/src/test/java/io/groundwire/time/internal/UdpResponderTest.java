package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Datagrams that could start an endless exchange between two services get no answer. */
class UdpResponderTest {
  private static final byte[] ANSWER = {'o', 'k'};

  @Test
  void aDatagramFromAnIgnoredSourcePortGetsNoAnswerOthersDo() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DatagramSocket ignored = new DatagramSocket(0, loopback);
        DatagramSocket client = new DatagramSocket(0, loopback)) {
      int ignoredPort = ignored.getLocalPort();
      try (UdpResponder responder = UdpResponder.start("test", loopback, 0, Clock.systemUTC(),
          (request, from, received) -> ByteBuffer.wrap(ANSWER), port -> port == ignoredPort)) {
        int port = responder.localAddress().getPort();
        ignored.setSoTimeout(300);
        ignored.send(new DatagramPacket(new byte[0], 0, loopback, port));
        // the answer to a good client proves the ignored datagram was processed before it
        client.setSoTimeout(5_000);
        client.send(new DatagramPacket(new byte[0], 0, loopback, port));
        DatagramPacket reply = new DatagramPacket(new byte[16], 16);
        client.receive(reply);
        assertArrayEquals(ANSWER, java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
        assertThrows(SocketTimeoutException.class, () -> ignored.receive(new DatagramPacket(new byte[16], 16)));
      }
    }
  }

  @Test
  void privilegedPortsAndTheServicesOwnPortsMayStartALoop() {
    assertTrue(UdpResponder.mayStartLoop(13, Set.of()));   // daytime
    assertTrue(UdpResponder.mayStartLoop(7, Set.of()));    // echo
    assertTrue(UdpResponder.mayStartLoop(10037, Set.of(10013, 10037)));
    assertFalse(UdpResponder.mayStartLoop(50123, Set.of(10013, 10037)));
  }
}
