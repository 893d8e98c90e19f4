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
 * <p>The stream is the run's {@link StreamPattern}, and the reader compares every echoed byte with
 * it (a vectorized comparison, a few percent of the client's time): a server that loses, repeats
 * or alters bytes fails the run rather than scoring.
 */
final class ThroughputConnection {
  private final SocketChannel channel;
  private final BenchmarkControl control;
  private final StreamPattern pattern;
  private final int messageSize;
  private final long quota;
  private final String name;
  final RoundTripSampler sampler;

  /**
   * {@code quota} bytes to send and receive, or -1 to stream until the run stops; {@code pattern}
   * must span at least {@code max(messageSize, 64 KiB)} bytes.
   */
  ThroughputConnection(SocketChannel channel, BenchmarkControl control, StreamPattern pattern, int messageSize,
      long quota, String name) {
    this.channel = channel;
    this.control = control;
    this.pattern = pattern;
    this.messageSize = messageSize;
    this.quota = quota;
    this.name = name;
    this.sampler = new RoundTripSampler(messageSize);
  }

  /** The reader's buffer size, and so the span its pattern slices need. */
  static int readBufferSize(int messageSize) {
    return Math.max(64 * 1024, messageSize);
  }

  void write() {
    long sent = 0;
    try {
      while (!control.stopping && (quota < 0 || sent < quota)) {
        ByteBuffer message = pattern.slice(sent, (int) (quota < 0 ? messageSize : Math.min(messageSize, quota - sent)));
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
    long received = 0;
    try {
      ByteBuffer buffer = ByteBuffer.allocateDirect(readBufferSize(messageSize));
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
        int differs = pattern.slice(received, read).mismatch(buffer);
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
    } catch (OutOfMemoryError e) {
      control.fail(name, new IOException("no direct memory left for its buffer (" + e.getMessage() + ")"));
    } finally {
      control.finished.countDown();
    }
  }
}
