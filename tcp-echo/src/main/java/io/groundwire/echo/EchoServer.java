package io.groundwire.echo;

import io.groundwire.echo.internal.BusyPoll;
import io.groundwire.echo.internal.Conversations;
import io.groundwire.echo.internal.EchoConnection;
import io.groundwire.echo.internal.IdleReaper;
import io.groundwire.echo.internal.Listening;
import io.groundwire.echo.internal.ServerCounters;
import io.groundwire.echo.internal.UdpEcho;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP echo server (RFC 862), optionally echoing UDP on the same port: every byte a client sends
 * comes straight back, in order, unchanged. One virtual thread per conversation, one fixed buffer
 * each, so memory stays bounded for streams of any length.
 *
 * <pre>{@code
 * try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build())) {
 *   int port = server.port();
 *   ...
 * }
 * }</pre>
 *
 * <p>When a client shuts down its output (half-close), the server sends back what remains and then
 * closes. {@link #close()} stops accepting, lets conversations go on for the grace period, then ends
 * them: clients read end of stream.
 *
 * <p>A conversation whose client answers quickly busy-polls its socket for a moment after each echo
 * rather than parking its thread at once ({@link EchoServerOptions.Builder#busyPoll}): a third of
 * the round trip on loopback, for a core kept busy while the ping-pong lasts.
 */
public final class EchoServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EchoServer.class.getName());

  private final EchoServerOptions options;
  private final ServerCounters counters = new ServerCounters();
  private final BusyPoll busyPoll;
  private final Conversations connections = new Conversations();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Object lifecycle = new Object();
  /** Only the accept thread starts conversations, so the builder's counter needs no locking. */
  private final Thread.Builder connectionThreads = Thread.ofVirtual().name("echo-conversation-", 1);
  private State state = State.NEW;
  private volatile boolean closing;
  private ServerSocketChannel listener;
  private DatagramChannel udp;
  private InetSocketAddress address;
  private Thread acceptThread;
  private Thread udpThread;
  private IdleReaper reaper;

  private enum State { NEW, RUNNING, CLOSED }

  private EchoServer(EchoServerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.busyPoll = new BusyPoll(options.busyPoll());
  }

  /** A server that is not listening yet; call {@link #start()}. */
  public static EchoServer create(EchoServerOptions options) {
    return new EchoServer(options);
  }

  /**
   * Creates and starts a server.
   *
   * @throws java.net.BindException when the port is in use or the address cannot be bound
   * @throws IOException when the sockets cannot be opened
   */
  public static EchoServer start(EchoServerOptions options) throws IOException {
    return create(options).start();
  }

  /**
   * Binds the port(s) and starts accepting conversations; returns once the server is listening.
   *
   * @throws java.net.BindException when the port is in use ("TCP port 7007 is already in use on [::]:7007")
   *     or the address is not local
   * @throws IOException when the sockets cannot be opened
   * @throws IllegalStateException when called twice or after {@link #close()}
   */
  public EchoServer start() throws IOException {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("echo server already " + (state == State.RUNNING ? "started" : "closed"));
      }
      listener = Listening.openTcp(options.bindAddress(), options.port(), options.backlog());
      address = (InetSocketAddress) listener.getLocalAddress();
      if (options.udp()) {
        try {
          udp = Listening.openUdp(options.bindAddress(), address.getPort());
        } catch (IOException e) {
          listener.close();
          throw e;
        }
        udpThread = Thread.ofVirtual().name("echo-udp-" + address.getPort()).start(new UdpEcho(udp, counters));
      }
      if (!options.idleTimeout().isZero()) {
        reaper = new IdleReaper(connections, options.idleTimeout(), counters);
        reaper.start();
      }
      // Logging a record formats its time in the default zone, whose data is read from a file the
      // first time. Read it now: out of file descriptors, that first log would fail and take the
      // accept thread with it.
      java.util.TimeZone.getDefault().getRawOffset();
      acceptThread = Thread.ofVirtual().name("echo-accept-" + address.getPort()).start(this::acceptLoop);
      state = State.RUNNING;
      LOG.log(Level.DEBUG, () -> "echo server listening on " + Listening.format(address));
      return this;
    }
  }

  /** The local address the server listens on (the wildcard address when bound to all interfaces). */
  public InetSocketAddress address() {
    synchronized (lifecycle) {
      if (address == null) {
        throw new IllegalStateException("echo server not started");
      }
      return address;
    }
  }

  /** The TCP (and UDP) port the server listens on; the chosen one when the options asked for port 0. */
  public int port() {
    return address().getPort();
  }

  /** The options this server was built from. */
  public EchoServerOptions options() {
    return options;
  }

  /** The counters now: accepted, active, refused, idle-closed, bytes in and out, UDP datagrams. */
  public EchoServerStats stats() {
    return counters.snapshot();
  }

  /** True between {@link #start()} and {@link #close()}. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return state == State.RUNNING && !closing;
    }
  }

  /** Blocks until {@link #close()} has finished (from any thread). */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /**
   * Stops accepting, lets open conversations go on for {@link EchoServerOptions#closeGrace()}, then
   * closes those still open (their clients read end of stream). Idempotent; a second caller waits
   * for the first to finish. Never blocks much longer than the grace period.
   */
  @Override
  public void close() {
    boolean closedByAnother;
    synchronized (lifecycle) {
      if (state == State.NEW) {
        state = State.CLOSED;
        terminated.countDown();
        return;
      }
      closedByAnother = closing;
      closing = true;
    }
    if (closedByAnother) {
      awaitQuietly(); // outside the lock, which the closing thread needs to finish
      return;
    }
    try {
      closeQuietly(listener);
      closeQuietly(udp);
      boolean interrupted = !connections.awaitNoneOpen(options.closeGrace().toNanos());
      connections.closeAll();
      if (!interrupted) {
        connections.awaitNoneOpen(TimeUnit.SECONDS.toNanos(2));
      }
      if (reaper != null) {
        reaper.stop();
      }
      joinQuietly(acceptThread);
      joinQuietly(udpThread);
    } finally {
      synchronized (lifecycle) {
        state = State.CLOSED;
      }
      terminated.countDown();
      LOG.log(Level.DEBUG, () -> "echo server on " + Listening.format(address) + " closed: " + stats());
    }
  }

  private void acceptLoop() {
    try {
      acceptUntilClosed();
    } catch (RuntimeException | Error e) {
      // Never leave a server that looks alive but accepts nobody: stop listening, then say why.
      closeQuietly(listener);
      logQuietly(Level.ERROR, "echo server stopped accepting connections: " + e, e);
    }
  }

  /** Logs, unless logging itself fails (out of file descriptors, say): that must not stop the server. */
  private static void logQuietly(Level level, String message, Throwable thrown) {
    try {
      LOG.log(level, message, thrown);
    } catch (RuntimeException | LinkageError unloggable) {
      // nothing better to do: the server's own state is what matters
    }
  }

  private void acceptUntilClosed() {
    while (true) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!listener.isOpen()) {
          return;
        }
        // e.g. too many open files: log, and give the system a moment instead of spinning
        logQuietly(Level.WARNING, "echo server could not accept a connection: " + e, null);
        pauseAfterAcceptFailure();
        continue;
      }
      serve(channel);
    }
  }

  private void serve(SocketChannel channel) {
    if (!counters.admit(options.maxConnections())) {
      closeQuietly(channel);
      return;
    }
    try {
      // Echo is request/response for interactive users: never let Nagle hold a small echo back.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "TCP_NODELAY not set: " + e);
    }
    EchoConnection[] self = new EchoConnection[1];
    EchoConnection connection = new EchoConnection(channel, options.bufferSize(), busyPoll, counters, () -> ended(self[0]));
    self[0] = connection;
    // A conversation accepted before close() gets the whole grace period, like any other: only
    // closeAll() ends conversations. One registered after closeAll() ran would be missed by it, so
    // registration refuses it and it is closed here, never started.
    if (!connections.add(connection)) {
      counters.release();
      closeQuietly(channel);
      return;
    }
    connectionThreads.start(connection);
  }

  private void ended(EchoConnection connection) {
    counters.release();
    connections.remove(connection);
  }

  private void awaitQuietly() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pauseAfterAcceptFailure() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinQuietly(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "close failed: " + e);
    }
  }

  @Override
  public String toString() {
    return "EchoServer{" + (address == null ? "not started" : Listening.format(address)) + "}";
  }
}
