package io.groundwire.benchmarks.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Keeps WINDOW SNTP (RFC 4330) mode-3 requests in flight against a server for a given time and
 * prints one JSON line with the valid mode-4 replies per second. A reply counts only when its
 * originate timestamp echoes one we sent. When nothing arrives for 100 ms the window is refilled.
 *
 * <p>Usage: {@code SntpLoad HOST PORT WINDOW WARMUP_SECONDS MEASURE_SECONDS}.
 */
public final class SntpLoad {
  private static final int PACKET = 48;

  private SntpLoad() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: SntpLoad HOST PORT WINDOW WARMUP_SECONDS MEASURE_SECONDS");
      System.exit(2);
    }
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    int window = Integer.parseInt(args[2]);
    long warmupNanos = Long.parseLong(args[3]) * 1_000_000_000L;
    long measureNanos = Long.parseLong(args[4]) * 1_000_000_000L;

    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(server);
      socket.setSoTimeout(100);
      socket.setReceiveBufferSize(1 << 20);
      byte[] request = new byte[PACKET];
      DatagramPacket out = new DatagramPacket(request, PACKET);
      DatagramPacket in = new DatagramPacket(new byte[512], 512);
      long sequence = 0;
      long measureStart = System.nanoTime() + warmupNanos;
      long end = measureStart + measureNanos;
      long valid = 0;
      long invalid = 0;
      long timeouts = 0;
      for (int i = 0; i < window; i++) {
        send(socket, out, ++sequence);
      }
      while (System.nanoTime() < end) {
        try {
          in.setLength(512);
          socket.receive(in);
        } catch (SocketTimeoutException e) {
          timeouts++;
          for (int i = 0; i < window; i++) {
            send(socket, out, ++sequence);
          }
          continue;
        }
        byte[] reply = in.getData();
        long originate = ByteBuffer.wrap(reply, 24, 8).getLong();
        boolean ok = in.getLength() >= PACKET && (reply[0] & 0x7) == 4 && originate > 0 && originate <= sequence;
        if (System.nanoTime() >= measureStart) {
          if (ok) {
            valid++;
          } else {
            invalid++;
          }
        }
        send(socket, out, ++sequence);
      }
      double seconds = measureNanos / 1e9;
      System.out.printf(Locale.ROOT,
          "{\"window\":%d,\"replies\":%d,\"invalid\":%d,\"timeouts\":%d,\"seconds\":%.3f,\"replies_per_second\":%.1f}%n",
          window, valid, invalid, timeouts, seconds, valid / seconds);
      if (valid == 0) {
        System.err.println("no valid SNTP reply from " + server);
        System.exit(1);
      }
    }
  }

  /** A client request: LI 0, version 4, mode 3; our sequence number as the transmit timestamp. */
  private static void send(DatagramSocket socket, DatagramPacket out, long sequence) throws IOException {
    byte[] b = out.getData();
    java.util.Arrays.fill(b, (byte) 0);
    b[0] = 0x23;
    ByteBuffer.wrap(b, 40, 8).putLong(sequence);
    socket.send(out);
  }
}
