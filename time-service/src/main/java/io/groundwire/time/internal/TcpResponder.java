package io.groundwire.time.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The TCP half of Daytime and Time: on each connection, write a few bytes and close (RFC 867, RFC
 * 868). Each connection gets its own virtual thread; {@link #close} stops accepting and waits briefly
 * for the connections in flight.
 */
public final class TcpResponder implements Closeable {
  private static final System.Logger LOG = System.getLogger(TcpResponder.class.getName());

  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();

  private TcpResponder(ServerSocket server, String name, Function<InetAddress, byte[]> reply) {
    this.server = server;
    this.acceptor = Thread.ofVirtual().name(name).unstarted(() -> accept(reply));
  }

  /**
   * Binds {@code address} and starts answering with {@code reply(clientAddress)}; a null reply closes
   * the connection without data (how a rate-limited client is refused).
   */
  public static TcpResponder start(String name, InetSocketAddress address, Function<InetAddress, byte[]> reply)
      throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(address, 128);
    } catch (IOException e) {
      server.close();
      throw new java.net.BindException("cannot bind TCP " + address + ": " + e.getMessage());
    }
    TcpResponder responder = new TcpResponder(server, name, reply);
    responder.acceptor.start();
    return responder;
  }

  /** The bound address. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void accept(Function<InetAddress, byte[]> reply) {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "accept failed: " + e);
        continue;
      }
      Thread.ofVirtual().start(() -> answer(socket, reply));
    }
  }

  private void answer(Socket socket, Function<InetAddress, byte[]> reply) {
    inFlight.add(Thread.currentThread());
    try (socket) {
      socket.setSoTimeout(5_000);
      byte[] bytes = reply.apply(socket.getInetAddress());
      if (bytes != null) {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        socket.shutdownOutput();
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "TCP reply failed: " + e);
    } finally {
      inFlight.remove(Thread.currentThread());
    }
  }

  /** Stops accepting, then waits up to two seconds for replies in flight. */
  @Override
  public void close() throws IOException {
    server.close();
    try {
      acceptor.join(2_000);
      long deadline = System.nanoTime() + 2_000_000_000L;
      for (Thread thread : inFlight) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          thread.join(java.time.Duration.ofNanos(left));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
