package io.groundwire.echo.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** RFC 862 UDP echo: sends every datagram back to where it came from, unchanged, until the channel closes. */
public final class UdpEcho implements Runnable {
  private static final System.Logger LOG = System.getLogger(UdpEcho.class.getName());

  /** The largest UDP payload over IPv4 (65,535 - 8 byte UDP header - 20 byte IP header). */
  private static final int MAX_DATAGRAM = 65_507;

  private final DatagramChannel channel;
  private final ServerCounters counters;

  /** Echoes on a bound channel; runs until it is closed. */
  public UdpEcho(DatagramChannel channel, ServerCounters counters) {
    this.channel = channel;
    this.counters = counters;
  }

  /** Receives and sends back datagrams until the channel closes. */
  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress sender = channel.receive(buffer);
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
