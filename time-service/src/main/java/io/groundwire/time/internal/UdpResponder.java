package io.groundwire.time.internal;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * Answers each datagram on one socket with at most one datagram, on one virtual thread. The receive
 * time is read from the clock as soon as {@code receive} returns, so an SNTP reply carries the true
 * receive timestamp. Datagrams larger than the buffer are truncated (none of our protocols needs more).
 */
public final class UdpResponder implements Closeable {
  private static final System.Logger LOG = System.getLogger(UdpResponder.class.getName());
  private static final int MAX_DATAGRAM = 1024;

  /** Computes the reply to one datagram. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param request the datagram's bytes, position 0
     * @param client who sent it
     * @param received the clock's reading right after it arrived
     * @return the reply (position to limit is sent), or null to send nothing
     */
    ByteBuffer respond(ByteBuffer request, InetSocketAddress client, Instant received);
  }

  private final DatagramChannel channel;
  private final Thread thread;
  private final IntPredicate ignoredSourcePort;

  private UdpResponder(DatagramChannel channel, String name, Clock clock, Handler handler, IntPredicate ignoredSourcePort) {
    this.channel = channel;
    this.ignoredSourcePort = ignoredSourcePort;
    this.thread = Thread.ofVirtual().name(name).unstarted(() -> serve(clock, handler));
  }

  /**
   * Binds {@code host:port} and starts answering; a null {@code host} binds every interface, IPv4 and
   * IPv6 (one dual-stack socket where the system has IPv6). Datagrams whose source port matches
   * {@code ignoredSourcePort} get no answer (see {@link #mayStartLoop}).
   */
  public static UdpResponder start(String name, InetAddress host, int port, Clock clock, Handler handler,
      IntPredicate ignoredSourcePort) throws IOException {
    DatagramChannel channel = host == null ? DatagramChannel.open()
        : DatagramChannel.open(host instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    InetSocketAddress address = new InetSocketAddress(host, port);
    try {
      channel.bind(address);
    } catch (IOException e) {
      channel.close();
      throw new java.net.BindException("cannot bind UDP " + address + ": " + e.getMessage());
    }
    UdpResponder responder = new UdpResponder(channel, name, clock, handler, ignoredSourcePort);
    responder.thread.start();
    return responder;
  }

  /** The bound address. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("closed", e);
    }
  }

  private void serve(Clock clock, Handler handler) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        Instant received = clock.instant();
        if (ignoredSourcePort.test(((InetSocketAddress) from).getPort())) {
          LOG.log(Level.DEBUG, () -> "UDP " + thread.getName() + ": no answer to " + from + " (a service port)");
          continue;
        }
        buffer.flip();
        ByteBuffer reply = handler.respond(buffer, (InetSocketAddress) from, received);
        if (reply != null) {
          channel.send(reply, from);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // One bad peer (ICMP unreachable, a handler bug) must not stop the service.
        LOG.log(Level.DEBUG, "UDP " + thread.getName() + ": " + e);
      }
    }
  }

  /**
   * True for a source port from which a request could start an endless exchange of answers: a
   * privileged port (below 1024, where Daytime, Time, echo and chargen live) or one of
   * {@code ownPorts}. A protocol that answers any datagram (Daytime, Time) would otherwise answer
   * a spoofed one from another such service, which answers back, forever (CVE-2024-2169).
   * Ordinary clients send from ephemeral ports.
   */
  public static boolean mayStartLoop(int sourcePort, java.util.Set<Integer> ownPorts) {
    return sourcePort < 1024 || ownPorts.contains(sourcePort);
  }

  /** Stops answering and waits for the loop to end. */
  @Override
  public void close() throws IOException {
    channel.close();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
