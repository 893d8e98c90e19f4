package io.groundwire.echo.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One ping-pong connection: sends a message, waits for all of its echo, records the round trip,
 * repeats. Each message carries its sequence number, so a stale or wrong echo is caught.
 */
final class LatencyConnection {
  private final SocketChannel channel;
  private final BenchmarkControl control;
  private final int messageSize;
  private final long quota;
  private final String name;
  final RoundTripHistogram histogram = new RoundTripHistogram();

  /** {@code quota} messages to exchange, or -1 until the run stops. */
  LatencyConnection(SocketChannel channel, BenchmarkControl control, int messageSize, long quota, String name) {
    this.channel = channel;
    this.control = control;
    this.messageSize = messageSize;
    this.quota = quota;
    this.name = name;
  }

  void run() {
    ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
    ByteBuffer echo = ByteBuffer.allocateDirect(messageSize);
    for (int i = 0; i < messageSize; i++) {
      message.put(i, (byte) (i * 31));
    }
    try {
      for (long sequence = 0; !control.stopping && (quota < 0 || sequence < quota); sequence++) {
        if (messageSize >= Long.BYTES) {
          message.putLong(0, sequence);
        }
        message.clear();
        echo.clear();
        long start = System.nanoTime();
        while (message.hasRemaining()) {
          channel.write(message);
        }
        while (echo.hasRemaining()) {
          if (channel.read(echo) < 0) {
            throw new EOFException("server closed " + name + " after " + sequence + " round trips");
          }
        }
        long roundTrip = System.nanoTime() - start;
        message.flip();
        echo.flip();
        if (!echo.equals(message)) {
          throw new IOException("the echo on " + name + " differs from the message sent (round trip " + sequence + ")");
        }
        control.progress.add(messageSize);
        if (control.measuring) {
          histogram.record(roundTrip);
          control.measuredBytes.add(messageSize);
        }
      }
    } catch (IOException e) {
      control.fail(name, e);
    } finally {
      control.finished.countDown();
    }
  }
}
