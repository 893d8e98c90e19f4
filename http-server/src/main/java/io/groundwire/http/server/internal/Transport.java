package io.groundwire.http.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import okio.Buffer;

/** The byte pipe under a connection: plain TCP or TLS. Blocking; used by one thread at a time. */
interface Transport {
  /**
   * Makes this transport call {@link Connection#waiting()} each time its thread is about to wait
   * for the socket (before every call that may block, or just before parking).
   */
  void timedBy(Connection connection);

  /**
   * Between requests, with nothing buffered: lets go of the connection so that no thread waits for
   * it. If this returns true the transport resumes the connection later by running it again, and
   * the caller must not touch it any more; false (the default) means the caller reads as usual.
   */
  default boolean suspend() {
    return false;
  }

  /**
   * Reads into {@code b}; returns the count, or -1 at end of stream. A new connection's first read,
   * and the first after the transport resumed a suspended connection, may instead throw
   * {@link Suspended} when nothing is there to read: the transport suspended the connection rather
   * than wait. Those reads must go into an array the caller does not touch afterwards.
   */
  int read(byte[] b, int off, int len) throws IOException;

  /**
   * Thrown by {@link #read} when the transport suspended the connection rather than wait for its
   * next request; as after {@link #suspend()} returned true, the caller must not touch it any more.
   * Not a failure, so it carries no stack trace.
   */
  final class Suspended extends IOException {
    Suspended() {
      super("suspended: nothing to read yet");
    }

    @Override
    public Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Writes and consumes every byte of {@code buffer}. */
  void write(Buffer buffer) throws IOException;

  /** Writes all of {@code head} then all of {@code body}, with one system call when possible. */
  void write(Buffer head, byte[] body) throws IOException;

  /** Copies {@code count} bytes of {@code file} from {@code position}, zero-copy when possible. */
  void transfer(FileChannel file, long position, long count) throws IOException;

  /** Makes blocked and later reads see end of stream; used to time out readers. */
  void shutdownInput();

  /** Half-closes the sending side, so the peer sees end of stream after what was written. */
  void shutdownOutput();

  /** Closes the connection, waking any blocked thread. */
  void close();

  /** Whether this is TLS. */
  boolean secure();

  /** The peer's address. */
  InetSocketAddress remoteAddress();

  /** The local address. */
  InetSocketAddress localAddress();
}
