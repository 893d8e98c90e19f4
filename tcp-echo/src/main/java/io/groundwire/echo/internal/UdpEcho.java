package io.groundwire.echo.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** RFC 862 UDP echo: sends every datagram back to where it came from, unchanged, until the channel closes. */
public final class UdpEcho implements Runnable {
  private static final System.Logger LOG = System.getLogger(UdpEcho.class.getName());

  /**
   * The largest UDP payload: 65,535 - 8 byte UDP header over IPv6, whose length field does not
   * count the IP header (over IPv4 it is 65,507).
   */
  private static final int MAX_DATAGRAM = 65_527;

  private final DatagramChannel channel;
  private final ServerCounters counters;

  /** Echoes on a bound channel; runs until it is closed. */
  public UdpEcho(DatagramChannel channel, ServerCounters counters) {
    this.channel = channel;
    this.counters = counters;
  }

  /**
   * True for a source port from which an echo could start an endless exchange: a privileged port
   * (below 1024: echo, chargen, daytime and the like answer whatever they get) or our own. A
   * spoofed datagram "from" such a service would otherwise make two servers echo each other
   * forever (CVE-2024-2169). Ordinary clients send from ephemeral ports.
   */
  static boolean mayStartLoop(int sourcePort, int ownPort) {
    return sourcePort < 1024 || sourcePort == ownPort;
  }

  private int ownPort() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Receives and sends back datagrams until the channel closes. */
  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    int ownPort = ownPort();
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress sender = channel.receive(buffer);
        if (mayStartLoop(((InetSocketAddress) sender).getPort(), ownPort)) {
          LOG.log(Level.DEBUG, () -> "UDP echo: no answer to " + sender + " (a service port)");
          continue;
        }
        buffer.flip();
        channel.send(buffer, sender);
        counters.datagrams.increment();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // One bad datagram (e.g. an ICMP error surfacing) must not stop the echo for everyone else.
        LOG.log(Level.DEBUG, () -> "UDP echo of one datagram failed: " + e);
      }
    }
  }
}
