package io.groundwire.http.server.internal;

import io.groundwire.http.server.Engine;
import io.groundwire.http.server.Handler;
import io.groundwire.http.server.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The listening socket, its accept loop, the set of open connections and the clock that expires
 * their deadlines. Each connection starts on a virtual thread of its own; with
 * {@link Engine#EVENT_LOOP} (plain TCP) an {@link EventLoop} accepts, watches the sockets, and
 * serves kept-alive connections' later requests.
 */
public final class Listener {
  private static final System.Logger LOG = System.getLogger(Listener.class.getName());
  private static final byte[] UNAVAILABLE = ("HTTP/1.1 503 Service Unavailable\r\n"
      + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\nConnection: close\r\n\r\n"
      + "Service Unavailable").getBytes(StandardCharsets.ISO_8859_1);

  final HttpServerOptions options;
  final Handler handler;
  final ResponseHeads heads;
  final io.groundwire.http.codec.Limits limits;
  final io.groundwire.http.codec.RequestHeadReader headReader;
  private final ServerSocketChannel server;
  private final SSLContext tls;
  private final InetSocketAddress address;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();
  private final ThreadFactory threads = Thread.ofVirtual().factory(); // unnamed: naming each connection thread costs a string
  private final Thread acceptor;
  private final EventLoop events;
  private final Thread ticker;
  private final CountDownLatch acceptingStopped = new CountDownLatch(1); // port released, idle connections closed
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Thread drainer; // the thread waiting in drain(), woken as connections end
  volatile boolean closing; // read per request; set once, by close()
  private static final VarHandle CLOSING;

  static {
    try {
      CLOSING = MethodHandles.lookup().findVarHandle(Listener.class, "closing", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Listener(HttpServerOptions options, Handler handler, ServerSocketChannel server, SSLContext tls)
      throws IOException {
    this.options = options;
    this.handler = handler;
    this.server = server;
    this.tls = tls;
    this.heads = new ResponseHeads(options.serverName());
    this.limits = WireCodec.limits(options);
    this.headReader = new io.groundwire.http.codec.RequestHeadReader(limits);
    this.address = (InetSocketAddress) server.getLocalAddress();
    boolean eventLoop = options.engine() == Engine.EVENT_LOOP && tls == null;
    this.events = eventLoop ? new EventLoop(server, this::admit) : null;
    this.acceptor = eventLoop ? null : Thread.ofVirtual().name("groundwire-http-accept").unstarted(this::acceptLoop);
    this.ticker = Thread.ofPlatform().daemon().name("groundwire-http-timer").unstarted(this::tickLoop);
  }

  /**
   * Binds and starts accepting.
   *
   * @throws IOException when binding fails or the TLS keystore cannot be loaded
   */
  public static Listener start(HttpServerOptions options, Handler handler) throws IOException {
    SSLContext tls = options.tlsKeystore() == null ? null : loadTls(options);
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(new InetSocketAddress(options.bindAddress(), options.port()), options.backlog());
      Listener listener = new Listener(options, handler, server, tls);
      if (listener.events != null) listener.events.start();
      else listener.acceptor.start();
      listener.ticker.start();
      return listener;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static SSLContext loadTls(HttpServerOptions options) throws IOException {
    char[] password = options.tlsPassword();
    try (InputStream in = Files.newInputStream(options.tlsKeystore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load TLS keystore " + options.tlsKeystore() + ": " + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return address;
  }

  /** How many connections are open. */
  public int connectionCount() {
    return count.get();
  }

  private void acceptLoop() {
    while (!closing) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (closing) return;
        LOG.log(System.Logger.Level.WARNING, "accept failed", e);
        try {
          Thread.sleep(50); // e.g. out of file descriptors: back off instead of spinning
        } catch (InterruptedException interrupted) {
          return;
        }
        continue;
      }
      admit(channel);
    }
  }

  /** Starts serving an accepted connection on its own virtual thread, or refuses it when over the limit. */
  private void admit(SocketChannel channel) {
    if (count.incrementAndGet() > options.maxConnections()) {
      count.decrementAndGet();
      threads.newThread(() -> refuse(channel)).start();
      return;
    }
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Transport transport = events != null ? events.attach(channel)
          : tls == null ? new ChannelTransport(channel) : new TlsTransport(channel, tls);
      Connection connection = new Connection(this, transport);
      connections.add(connection);
      threads.newThread(connection).start();
    } catch (IOException | RuntimeException e) {
      count.decrementAndGet();
      closeQuietly(channel);
    }
  }

  /** Answers a connection over the limit with 503, then closes it after a short linger. */
  private void refuse(SocketChannel channel) {
    try (channel) {
      ByteBuffer b = ByteBuffer.wrap(UNAVAILABLE);
      while (b.hasRemaining()) channel.write(b);
      channel.shutdownOutput();
      // Read what the client sent so closing does not reset the connection and lose the 503.
      channel.socket().setSoTimeout(1000);
      InputStream in = channel.socket().getInputStream();
      byte[] sink = new byte[512];
      int total = 0;
      for (int n; total < 65536 && (n = in.read(sink)) > 0; ) total += n;
    } catch (IOException ignored) {
      // the client went away; nothing to do
    }
  }

  void remove(Connection connection) {
    connections.remove(connection);
    count.decrementAndGet();
    if (closing) LockSupport.unpark(drainer);
  }

  private void tickLoop() {
    long tick = tickNanos();
    long lastFlush = System.nanoTime();
    while (true) {
      try {
        Thread.sleep(tick / 1_000_000, (int) (tick % 1_000_000));
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Connection c : connections) c.expireIfDue(now);
      if (events != null) events.tick();
      if (now - lastFlush >= 1_000_000_000L) {
        options.accessLog().flush();
        lastFlush = now;
      }
    }
  }

  /** A quarter of the shortest timeout, between 10 ms and 1 s, so deadlines fire on time. */
  private long tickNanos() {
    long shortest = Math.min(Math.min(options.headerTimeout().toNanos(), options.bodyTimeout().toNanos()),
        Math.min(options.idleTimeout().toNanos(), options.writeTimeout().toNanos()));
    return Math.max(10_000_000L, Math.min(1_000_000_000L, shortest / 4));
  }

  /**
   * Stops accepting, closes idle connections, waits for busy ones up to the grace period, then
   * closes what is left. Called from a handler of this server, it cannot wait for its own request:
   * it stops accepting and closes idle connections, and the rest of the drain goes on in the
   * background while the handler finishes (its response goes out with {@code Connection: close}).
   * A second call waits until the first one's drain is over, unless it too comes from a handler;
   * either way it returns only once the port is released. Waits by parking, never on a monitor, so
   * that a virtual thread calling it lets its carrier go on JDK 21 too (the requests it waits for
   * may need that carrier).
   */
  public void close() {
    boolean fromHandler = servesARequest(Thread.currentThread());
    // Only the first caller drains; a second one finds closing set, so its handler's response says Connection: close.
    if (!CLOSING.compareAndSet(this, false, true)) {
      awaitQuietly(acceptingStopped);
      if (!fromHandler) awaitQuietly(closed);
      return;
    }
    try {
      if (events != null) events.stopAccepting();
      else stopAccepting();
      for (Connection c : connections) c.closeIfIdle();
    } finally {
      acceptingStopped.countDown();
    }
    if (fromHandler) {
      try {
        Thread.ofPlatform().daemon().name("groundwire-http-close").start(this::drain);
        return;
      } catch (OutOfMemoryError | RuntimeException noThread) {
        // drain here: this request then waits out the grace period, but later close() calls return
      }
    }
    drain();
  }

  /** Whether {@code thread} is serving a request of this server, that is, runs one of its handlers. */
  private boolean servesARequest(Thread thread) {
    for (Connection c : connections) {
      if (c.isServedBy(thread)) return true;
    }
    return false;
  }

  /** Waits up to the grace period for open connections to end, then closes what is left. */
  private void drain() {
    drainer = Thread.currentThread();
    long deadline = System.nanoTime() + options.gracePeriod().toNanos();
    try {
      while (count.get() > 0 && !Thread.currentThread().isInterrupted()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        LockSupport.parkNanos(this, left); // remove() unparks it as each connection ends
      }
      for (Connection c : connections) c.abort();
      if (events != null) events.close();
      ticker.interrupt();
      options.accessLog().flush();
    } finally {
      drainer = null; // connections aborted above must not leave the caller a stray unpark
      closed.countDown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes the listening socket and waits (up to a second) for the accepting thread to end. The JDK
   * defers closing a channel that a virtual thread is blocked in until that thread has run again,
   * so without the wait the port could still take connections after {@link #close()} returned.
   */
  private void stopAccepting() {
    closeQuietly(server);
    if (Thread.currentThread() == acceptor || acceptor.getState() == Thread.State.NEW) return;
    try {
      acceptor.join(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }
}
