package io.groundwire.echo.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP conversation: reads whatever has arrived into one fixed buffer and writes it straight back,
 * until the client shuts down its output, then closes. Runs on its own (virtual) thread.
 *
 * <p>Memory stays bounded (one buffer) for a stream of any length, and every byte goes back as soon
 * as it arrives: there is no line or message framing. A direct buffer lets the kernel copy straight
 * from and to it without a second copy through the heap.
 */
public final class EchoConnection implements Runnable {
  private static final System.Logger LOG = System.getLogger(EchoConnection.class.getName());

  /**
   * A busy stream's socket always has bytes waiting, so its thread would never block and never let
   * the other conversations' threads run: virtual threads are not time-sliced. After this many bytes
   * it steps aside (see {@link CarrierShare}). Measured with echo-bench, 16 streams, the server on one
   * core: a 64 KiB echo's p99 was 276-702 ms (max 1.5-1.8 s) without stepping aside and 19-39 ms with
   * it, at a higher total rate; a new connection's first echo meanwhile took 7-126 ms (with only
   * {@code Thread.yield()} it waited until the benchmark ended).
   */
  private static final long YIELD_AFTER_BYTES = 1024 * 1024;

  private final SocketChannel channel;
  private final int bufferSize;
  private final ServerCounters counters;
  private final Runnable onEnd;
  private volatile long lastActivityNanos = System.nanoTime();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CarrierShare share = new CarrierShare();
  private final BusyPoll.Reader reader;

  /**
   * A conversation on an accepted channel, reading through the server's {@code busyPoll}; {@code
   * onEnd} runs once when it is over.
   */
  public EchoConnection(
      SocketChannel channel, int bufferSize, BusyPoll busyPoll, ServerCounters counters, Runnable onEnd) {
    this.channel = channel;
    this.reader = busyPoll.reader(channel, share);
    this.bufferSize = bufferSize;
    this.counters = counters;
    this.onEnd = onEnd;
  }

  /** Echoes until end of stream or close; never throws. */
  @Override
  public void run() {
    try {
      echoUntilEndOfStream(ByteBuffer.allocateDirect(bufferSize));
      // Half-close honoured: everything read has been written back; now say we're done too.
      channel.shutdownOutput();
    } catch (ClosedChannelException e) {
      // closed by the server (idle timeout or close()); nothing to report
    } catch (IOException e) {
      if (!closing.get()) {
        LOG.log(Level.DEBUG, () -> "echo conversation ended: " + e);
      }
    } catch (OutOfMemoryError e) {
      // Too many conversations for the direct memory limit: this one is dropped, the server goes on.
      LOG.log(Level.WARNING, () -> "echo conversation dropped, no memory for its buffer: " + e.getMessage());
    } finally {
      closeQuietly();
      onEnd.run();
    }
  }

  private void echoUntilEndOfStream(ByteBuffer buffer) throws IOException {
    long sinceYield = 0;
    while (true) {
      int read = reader.read(buffer);
      if (read < 0) {
        return;
      }
      sinceYield += read;
      lastActivityNanos = System.nanoTime();
      counters.bytesIn.add(read);
      buffer.flip();
      while (buffer.hasRemaining()) {
        int written = channel.write(buffer);
        counters.bytesOut.add(written);
        lastActivityNanos = System.nanoTime();
      }
      buffer.clear();
      if (sinceYield >= YIELD_AFTER_BYTES) {
        sinceYield = 0;
        share.stepAside();
      }
    }
  }

  /** Nanos since a byte last moved either way. */
  public long idleNanos(long now) {
    return now - lastActivityNanos;
  }

  /**
   * Ends the conversation from another thread: the client gets end of stream (FIN), and the thread
   * blocked in read or write wakes up with a closed channel. Returns false when it was already closing.
   */
  public boolean close() {
    if (!closing.compareAndSet(false, true)) {
      return false;
    }
    try {
      channel.shutdownOutput();
    } catch (IOException | RuntimeException e) {
      // already closed or reset; closing below is all that is left
    }
    closeQuietly();
    return true;
  }

  private void closeQuietly() {
    try {
      reader.close(); // never channel.close() directly: see BusyPoll.Reader
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "closing an echo conversation failed: " + e);
    }
  }
}
