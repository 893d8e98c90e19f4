package io.groundwire.echo.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server's busy polling (see {@code EchoServerOptions.Builder.busyPoll}): reads that first poll
 * the socket for a while before they block, so that a message arriving within that window costs no
 * thread wake-up. Only one conversation of the server polls at a time, which bounds the CPU spent
 * on polling to one carrier's worth; the others read as usual meanwhile.
 *
 * <p>Polling pays only when the client answers within the window, so each conversation polls only
 * while its last message came within it: a slower client costs one window, once, and then its
 * conversation waits without polling until a message comes quickly again.
 */
public final class BusyPoll {
  private final long windowNanos;
  private final AtomicBoolean taken = new AtomicBoolean();

  /** Polls for up to {@code window} per read; {@link Duration#ZERO} never polls. */
  public BusyPoll(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** The reads of one conversation on {@code channel}, stepping aside through {@code share} between polls. */
  Reader reader(SocketChannel channel, CarrierShare share) {
    return new Reader(channel, share);
  }

  /**
   * One conversation's reads; {@link #read} belongs to its thread, {@link #close} may come from any.
   *
   * <p>The channel must be closed through {@link #close}: the JDK picks how to close a channel by
   * its blocking mode, without waiting for a change of mode in progress, so a close that raced
   * with a poll's switch to non-blocking could close the descriptor under a read in progress
   * (which might then read a new connection that reused the number). The lock keeps closing and
   * polling apart; a close waits at most one window.
   */
  final class Reader {
    private final SocketChannel channel;
    private final CarrierShare share;
    private final ReentrantLock polling = new ReentrantLock();
    private boolean lastCameQuickly = true;
    private long windowsMissed; // polls that found nothing: for tests

    private Reader(SocketChannel channel, CarrierShare share) {
      this.channel = channel;
      this.share = share;
    }

    /** Reads like a blocking {@link SocketChannel#read}: -1 at end of stream, otherwise at least one byte. */
    int read(ByteBuffer buffer) throws IOException {
      if (windowNanos == 0) {
        return channel.read(buffer);
      }
      long start = System.nanoTime();
      if (lastCameQuickly && taken.compareAndSet(false, true)) {
        polling.lock();
        try {
          int read = poll(buffer, start + windowNanos);
          if (read != 0) {
            return read;
          }
          windowsMissed++;
        } finally {
          polling.unlock();
          taken.set(false);
        }
      }
      int read = channel.read(buffer);
      lastCameQuickly = System.nanoTime() - start < windowNanos;
      return read;
    }

    /** Closes the channel, waiting for a poll in progress to end; a thread blocked in a read gets an exception. */
    void close() throws IOException {
      polling.lock();
      try {
        channel.close();
      } finally {
        polling.unlock();
      }
    }

    /** How many times a poll found nothing within the window. */
    long windowsMissed() {
      return windowsMissed;
    }

    /** Tries to read until {@code deadline}, letting the carrier's other threads run in between; 0 when nothing came. */
    private int poll(ByteBuffer buffer, long deadline) throws IOException {
      // A virtual thread's socket is non-blocking in the kernel already, once it has blocked in a
      // read: from then on this flips a flag of the channel, not the descriptor (no system call).
      channel.configureBlocking(false);
      try {
        do {
          int read = channel.read(buffer);
          if (read != 0) {
            return read;
          }
          share.stepAside();
        } while (System.nanoTime() - deadline < 0);
        return 0;
      } finally {
        channel.configureBlocking(true);
      }
    }
  }
}
