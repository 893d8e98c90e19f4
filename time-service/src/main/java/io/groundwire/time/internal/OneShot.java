package io.groundwire.time.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * The request shape Daytime and Time share: over TCP, connect and read until the server closes; over
 * UDP, send an empty datagram and read the one that comes back (RFC 867, RFC 868).
 */
public final class OneShot {
  private OneShot() {}

  /**
   * Reads the whole TCP answer, at most {@code max} bytes, all of it within {@code timeout} (connect
   * included): a server sending a byte now and then does not stretch it.
   *
   * @throws IOException on connect failure, timeout, or an answer longer than {@code max}
   */
  public static byte[] tcp(InetSocketAddress server, Duration timeout, int max) throws IOException {
    long deadline = System.nanoTime() + Timeouts.nanos(timeout);
    try (Socket socket = new Socket()) {
      socket.connect(server, millisLeft(deadline, server, timeout));
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[max + 1];
      int length = 0;
      int read;
      do {
        socket.setSoTimeout(millisLeft(deadline, server, timeout));
        read = in.read(buffer, length, buffer.length - length);
        length += Math.max(0, read);
      } while (read != -1 && length < buffer.length);
      if (length > max) {
        throw new IOException(server + " sent more than " + max + " bytes");
      }
      return Arrays.copyOf(buffer, length);
    }
  }

  /**
   * Sends an empty datagram and returns the reply.
   *
   * @throws java.net.SocketTimeoutException when none arrives within {@code timeout}
   */
  public static byte[] udp(InetSocketAddress server, Duration timeout) throws IOException {
    try (DatagramChannel channel = DatagramChannel.open()) {
      // An unconnected send does put a zero-length datagram on the wire (connected write and
      // DatagramSocket.send do not), so replies are filtered by source below instead.
      channel.send(ByteBuffer.allocate(0), server);
      DatagramSocket socket = channel.socket();
      long deadline = System.nanoTime() + Timeouts.nanos(timeout);
      byte[] buffer = new byte[1024];
      while (true) {
        socket.setSoTimeout(millisLeft(deadline, server, timeout));
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        socket.receive(reply);
        if (server.getPort() == reply.getPort() && sameHost(server.getAddress(), reply.getAddress())) {
          return Arrays.copyOf(buffer, reply.getLength());
        }
      }
    }
  }

  /** Milliseconds to {@code deadline} for a socket option (at least 1, at most int's range), or a timeout. */
  private static int millisLeft(long deadline, InetSocketAddress server, Duration timeout)
      throws java.net.SocketTimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new java.net.SocketTimeoutException("no complete answer from " + server + " within " + timeout);
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
  }

  private static boolean sameHost(java.net.InetAddress expected, java.net.InetAddress actual) {
    return expected.isAnyLocalAddress() || expected.equals(actual)
        || (expected.isLoopbackAddress() && actual.isLoopbackAddress());
  }
}
