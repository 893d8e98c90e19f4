package io.groundwire.echo.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One streaming connection: a writer sends messages back to back while a reader counts the echo,
 * both at once. Direct buffers and blocking channels keep the client's own cost to one system call
 * per message each way. Round trips are sampled on the side ({@link RoundTripSampler}).
 */
final class ThroughputConnection {
  private final SocketChannel channel;
  private final BenchmarkControl control;
  private final int messageSize;
  private final long quota;
  private final String name;
  final RoundTripSampler sampler;

  /** {@code quota} bytes to send and receive, or -1 to stream until the run stops. */
  ThroughputConnection(SocketChannel channel, BenchmarkControl control, int messageSize, long quota, String name) {
    this.channel = channel;
    this.control = control;
    this.messageSize = messageSize;
    this.quota = quota;
    this.name = name;
    this.sampler = new RoundTripSampler(messageSize);
  }

  void write() {
    ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
    for (int i = 0; i < messageSize; i++) {
      message.put(i, (byte) i);
    }
    long sent = 0;
    try {
      while (!control.stopping && (quota < 0 || sent < quota)) {
        message.clear();
        if (quota >= 0) {
          message.limit((int) Math.min(messageSize, quota - sent));
        }
        sampler.sending(sent, message.limit());
        while (message.hasRemaining()) {
          sent += channel.write(message);
        }
      }
      channel.shutdownOutput(); // lets the server finish echoing and close
    } catch (IOException e) {
      control.fail(name, e);
    }
  }

  void read() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(64 * 1024, messageSize));
    long received = 0;
    try {
      while (quota < 0 || received < quota) {
        buffer.clear();
        int read = channel.read(buffer);
        if (read < 0) {
          if (!control.stopping) {
            throw new EOFException("server closed " + name + " after echoing " + received + " bytes");
          }
          break;
        }
        received += read;
        sampler.received(received, control.measuring);
        control.progress.add(read);
        if (control.measuring) {
          control.measuredBytes.add(read);
        }
      }
    } catch (IOException e) {
      control.fail(name, e);
    } finally {
      control.finished.countDown();
    }
  }
}
