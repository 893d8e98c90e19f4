package io.groundwire.echo.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One streaming connection: a writer sends messages back to back while a reader counts the echo,
 * both at once. Direct buffers and blocking channels keep the client's own cost to one system call
 * per message each way. Round trips are sampled on the side ({@link RoundTripSampler}).
 *
 * <p>Every echoed byte is checked: byte {@code n} of the stream is {@code n % messageSize}, so the
 * reader compares what arrived with a slice of a pattern holding every phase of it (a vectorized
 * comparison, a few percent of the client's time). A server that loses, reorders or alters bytes
 * fails the run rather than scoring.
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

  /** Bytes {@code from} to {@code from + length} of the stream, laid out as {@code write} sends them. */
  private static ByteBuffer pattern(int messageSize, int length) {
    ByteBuffer pattern = ByteBuffer.allocateDirect(length);
    for (int i = 0; i < length; i++) {
      pattern.put(i, (byte) (i % messageSize));
    }
    return pattern;
  }

  void write() {
    ByteBuffer message = pattern(messageSize, messageSize);
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
    // Whatever phase a read starts at, the next buffer.capacity() bytes of the stream lie in here.
    ByteBuffer expected = pattern(messageSize, messageSize + buffer.capacity());
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
        buffer.flip();
        int phase = (int) (received % messageSize);
        int differs = expected.slice(phase, read).mismatch(buffer);
        if (differs >= 0) {
          throw new IOException("the echo on " + name + " differs from what was sent at byte " + (received + differs));
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
