package io.groundwire.http.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import okio.Buffer;

/**
 * What every transport over an accepted {@link SocketChannel} shares: the channel, the two
 * addresses (read once, at accept), and ending the connection. Closing never throws; a channel
 * already closed or reset is simply left as it is.
 */
abstract class SocketTransport implements Transport {
  final SocketChannel channel;
  private final InetSocketAddress remote;
  private final InetSocketAddress local;
  private Connection timed;

  SocketTransport(SocketChannel channel) throws IOException {
    this.channel = channel;
    this.remote = (InetSocketAddress) channel.getRemoteAddress();
    this.local = (InetSocketAddress) channel.getLocalAddress();
  }

  @Override
  public void timedBy(Connection connection) {
    this.timed = connection;
  }

  /** The connection this transport carries, once it called {@link #timedBy}. */
  final Connection connection() {
    return timed;
  }

  /** Starts the connection's pending timeout: the thread is about to wait for the socket. */
  final void waiting() {
    if (timed != null) timed.waiting();
  }

  @Override
  public void write(Buffer buffer) throws IOException {
    write(buffer, null);
  }

  @Override
  public void shutdownInput() {
    try {
      channel.shutdownInput();
    } catch (IOException | RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }
}
