package io.groundwire.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Opens N keep-alive connections to an HTTP server, sends one {@code GET} on each and holds them
 * idle; prints {@code ready N} and waits until the file GO_FILE exists (run.sh measures the server's
 * memory meanwhile), then times PROBES fresh requests on new connections while all N are still
 * held, prints one JSON line and closes everything with RST (so no TIME_WAIT piles up).
 *
 * <p>Usage: {@code IdleHold HOST PORT CONNECTIONS PROBES GO_FILE TIMEOUT_SECONDS}.
 */
public final class IdleHold {
  private IdleHold() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: IdleHold HOST PORT CONNECTIONS PROBES GO_FILE TIMEOUT_SECONDS");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    int probes = Integer.parseInt(args[3]);
    Path goFile = Path.of(args[4]);
    long deadline = System.nanoTime() + Long.parseLong(args[5]) * 1_000_000_000L;
    InetSocketAddress address = new InetSocketAddress(host, port);
    ByteBuffer keepAlive = RawHttp.request(host, port, "/", false);
    ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);

    List<SocketChannel> held = new ArrayList<>(connections);
    try {
      long opened = System.nanoTime();
      for (int i = 0; i < connections; i++) {
        SocketChannel channel = RawHttp.connect(address);
        held.add(channel);
        RawHttp.exchange(channel, keepAlive, scratch);
        if (System.nanoTime() > deadline) {
          throw new IOException("timed out after opening " + held.size() + " connections");
        }
      }
      System.out.printf(Locale.ROOT, "ready %d in %.1f s%n", held.size(), (System.nanoTime() - opened) / 1e9);
      System.out.flush();
      while (!Files.exists(goFile)) {
        if (System.nanoTime() > deadline) {
          throw new IOException("timed out waiting for " + goFile);
        }
        Thread.sleep(20);
      }

      ByteBuffer fresh = RawHttp.request(host, port, "/", true);
      double[] millis = new double[probes];
      for (int i = 0; i < probes; i++) {
        long start = System.nanoTime();
        try (SocketChannel channel = RawHttp.connect(address)) {
          RawHttp.exchange(channel, fresh, scratch);
        }
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      // The held connections must still be open and usable: one more request on the first one.
      RawHttp.exchange(held.get(0), keepAlive, scratch);
      Arrays.sort(millis);
      System.out.printf(Locale.ROOT,
          "{\"connections\":%d,\"probes\":%d,\"fresh_request_ms_p50\":%.3f,\"fresh_request_ms_max\":%.3f}%n",
          held.size(), probes, millis[probes / 2], millis[probes - 1]);
    } finally {
      for (SocketChannel channel : held) {
        try {
          channel.setOption(StandardSocketOptions.SO_LINGER, 0);
          channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }
}
