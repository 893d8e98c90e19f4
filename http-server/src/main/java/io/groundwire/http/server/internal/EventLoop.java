package io.groundwire.http.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The {@code EVENT_LOOP} engine's (virtual) thread: accepts connections and watches every
 * connection's socket with a selector. A kept-alive connection waiting for its next request holds
 * no thread: when its socket turns readable the loop serves the request itself, as a
 * single-threaded event loop would, and a standby thread takes the loop over whenever a handler
 * blocks there (see {@link #serveInline}). For a connection whose own thread waits in the middle of
 * a request, the loop does the read and wakes it (see {@link EventTransport}). When nothing is
 * ready for a while the loop parks and its {@link SelectorWaiter} selects for it.
 */
final class EventLoop implements Runnable {
  private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
  /** Polls that found nothing before the loop parks; see {@link #run()}. */
  private static final int EMPTY_POLLS_BEFORE_PARKING = 16;
  /**
   * Connections' threads the loop wakes before it lets them run; see {@link #runReady()}. Measured at
   * 1,000 connections: 4 cost more than it gained, 16 to 128 were within noise of each other, and
   * no limit was clearly slower.
   */
  private static final int WAKES_BEFORE_YIELDING = 32;
  /** How long a busy loop keeps its carrier before it lets threads queued from outside run. */
  private static final long SHARE_INTERVAL_NANOS = 1_000_000;
  /** Whether virtual threads run on one carrier; see {@link #serveInline}. */
  private static final boolean ONE_CARRIER = carriers() == 1;
  /** On several carriers, how often the standby looks at a holder that is serving a connection. */
  private static final long WATCH_NANOS = 1_000_000;
  /**
   * On several carriers, when requests served on the loop take longer than this, the loop hands
   * ready connections to threads of their own, which other carriers serve in parallel; see
   * {@link #runReady()}. Measured on two processors, with the client on the same two: a thread per
   * request costs about 3.7 µs more CPU; requests computing 20 µs then went 1.6 times as fast and
   * 100 µs 1.8 times, while a hello world, whose fastest request served on the loop took 3-13 µs at
   * 1,000 connections, must stay on the loop. The more processors, the sooner handing over pays.
   */
  private static final long DISPATCH_ABOVE_NANOS =
      20_000 / Math.max(1, Math.min(carriers(), Runtime.getRuntime().availableProcessors()) - 1);
  /** How many requests served on the loop are timed before it decides again whether to hand over. */
  private static final int COST_WINDOW = 64;
  /** While handing over, the loop still serves (and times) one request every this many turns. */
  private static final int TIME_EVERY = 8;
  /** On several carriers, how long after a holder was found blocked the standby is woken per request. */
  private static final long EAGER_NANOS = 100_000_000;

  private final Selector selector;
  private final ServerSocketChannel server;
  private final Consumer<SocketChannel> admit;
  private final Thread thread;
  /**
   * The thread holding the loop while it serves a connection (see {@link #serveInline}), else null.
   * Only the holder sets it, to itself, so a thread that lost the loop cannot clear a later holder's.
   */
  private final AtomicReference<Thread> serving = new AtomicReference<>();
  /** Takes the loop over if its holder blocks while serving; made when first needed. */
  private final AtomicReference<Thread> standby = new AtomicReference<>();
  private volatile boolean ended;
  private volatile boolean watching; // several carriers: the standby looks at the holder every WATCH_NANOS
  private volatile Thread handingOver; // a holder about to park in our own I/O, for the standby to replace
  private volatile long eagerUntil; // several carriers: until then, wake the standby at every inline request
  private long inlineServed; // several carriers: inline requests begun; written before serving is set, so read after it
  private final SelectorWaiter waiter;
  private final AtomicInteger pendingCloses = new AtomicInteger();
  private volatile long turn; // counts the loop's turns; only the loop's holder writes it
  private SelectionKey[] readyKeys = new SelectionKey[64]; // connections the last select found ready
  private int readyCount;
  private int emptyPolls;
  private long nextShare = System.nanoTime();
  private final PollPacer pacer = new PollPacer(nextShare);
  private boolean admitted; // this turn started connections' threads
  private boolean shareByTimer;
  private volatile boolean resumed;
  private boolean dispatching; // several carriers: ready connections go to threads of their own, all but one a turn
  private int inlineTimed; // several carriers: requests timed since the last decision
  private int untimedTurns; // several carriers, handing over: turns that found connections ready
  private long fastestInline = Long.MAX_VALUE; // several carriers: the fastest of them
  private volatile boolean open = true;

  /** Starts watching {@code server} (made non-blocking); accepted channels go to {@code admit}. */
  EventLoop(ServerSocketChannel server, Consumer<SocketChannel> admit) throws IOException {
    this.selector = Selector.open();
    this.server = server;
    this.admit = admit;
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    // A virtual thread: unparking the connections' threads then stays on the carrier, without waking another thread.
    this.thread = Thread.ofVirtual().name("groundwire-http-events").unstarted(this);
    int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    this.waiter = new SelectorWaiter(selector, "groundwire-http-events-waiter-" + port);
  }

  void start() {
    thread.start();
  }

  /** Makes {@code channel} non-blocking and watched; call only from {@code admit} (the loop's thread). */
  EventTransport attach(SocketChannel channel) throws IOException {
    EventTransport transport = new EventTransport(channel, this);
    transport.registered(channel.register(selector, SelectionKey.OP_READ, transport));
    return transport;
  }

  @Override
  public void run() {
    waiter.start();
    if (!loop()) standBy();
  }

  /**
   * The loop, on whichever thread holds it. Returns false, early, when another thread took it over
   * while this one served a connection; true when the loop ended.
   */
  private boolean loop() {
    boolean handedOver = false;
    try {
      while (open) {
        pendingCloses.set(0);
        Thread.interrupted(); // nothing here is interruptible on purpose; a stray interrupt would make every park spin
        // While sockets keep turning ready, yield to the threads just woken and poll again: parking
        // would make the loop wait for the waiter's platform thread to wake it, which costs two
        // thread wake-ups. After a turn found nothing, it still polls a few times before parking,
        // since under load the next request is usually microseconds away. And after a turn that found
        // only a few cheap requests while many connections are active, it waits a little before the
        // next poll, so that requests gather (see PollPacer).
        if (selector.selectNow(this::ready) > 0) {
          int ready = readyCount;
          long began = System.nanoTime();
          int woken = runReady();
          if (woken < 0) {
            handedOver = true;
            return false;
          }
          long turnEnded = System.nanoTime();
          emptyPolls = 0;
          if (woken > 0) Thread.yield(); // the threads just woken run: they wait in the carrier's own queue
          long now = woken > 0 ? System.nanoTime() : turnEnded;
          if (admitted || now - nextShare >= 0) {
            shareByTimer = !admitted && !shareByTimer;
            admitted = false;
            nextShare = now + SHARE_INTERVAL_NANOS;
            shareCarrier(shareByTimer);
          }
          // Few cheap requests among many active connections: let more gather before the next poll.
          // (Asked even while handing over, so that the pacer's count of active connections stays current.)
          if (pacer.shouldWait(ready, turnEnded - began, now) && !dispatching) pause(now + PollPacer.WAIT_NANOS);
        } else if (++emptyPolls <= EMPTY_POLLS_BEFORE_PARKING) {
          Thread.yield();
        } else if (open) { // a close() whose wakeup() this selectNow cleared is seen here
          emptyPolls = 0;
          pacer.idle(System.nanoTime());
          waiter.await(); // the next turn's selectNow takes what is ready
        }
        turn++;
      }
    } catch (IOException | RuntimeException e) {
      if (open) LOG.log(System.Logger.Level.ERROR, "event loop failed", e);
    } finally {
      if (!handedOver) end();
    }
    return true;
  }

  private void end() {
    ended = true;
    LockSupport.unpark(standby.get());
    waiter.stop();
    try {
      selector.close(); // releases the descriptors of channels closed while registered
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  /**
   * Lets threads that were started or woken from outside the carrier run: new connections, the
   * timer's wake-ups, the JDK's I/O poller, a handler's sleep. The scheduler puts them in shared
   * queues, which a carrier reaches only when its own queue is empty; and then it keeps taking
   * from the shared queue it took its last task from, while that has any. A busy loop that yields
   * refills the carrier's own queue at every turn, so under steady load they starved: a new
   * connection waited up to 0.6 s for its first request, a sleeping handler until the load
   * stopped.
   *
   * <p>So the loop parks and is woken from a shared queue, taking turns between two: a thread it
   * starts (queued behind the connections it started, and always used after admitting some) and
   * the JDK's timer (a 1 ns timed park). Alternating, the loop's wake-up mostly lands in a queue
   * other than the one it came from, so the carrier finishes that one and then scans the shared
   * queues afresh. How the carrier picks among shared queues is the JDK's choice, not a promise;
   * {@code OneCarrierFairnessTest} checks that the result holds.
   */
  private void shareCarrier(boolean byTimer) {
    if (byTimer) {
      LockSupport.parkNanos(1);
      return;
    }
    Thread loop = Thread.currentThread();
    resumed = false;
    try {
      Thread.ofVirtual().start(() -> {
        resumed = true;
        LockSupport.unpark(loop);
      });
    } catch (RuntimeException shuttingDown) {
      return; // the scheduler refused a thread: nothing to wait for
    }
    while (!resumed) LockSupport.park(this);
  }

  /**
   * Waits until {@code until} before the next poll, letting the carrier's other threads run
   * meanwhile (on one carrier a spin would hold them up); see {@link PollPacer}.
   */
  private static void pause(long until) {
    do {
      Thread.yield();
    } while (System.nanoTime() - until < 0);
  }

  /** The selector's action: accepts at once, and notes ready connections for {@link #runReady()}. */
  private void ready(SelectionKey key) {
    if (key.attachment() instanceof EventTransport) {
      if (readyCount == readyKeys.length) readyKeys = Arrays.copyOf(readyKeys, readyCount * 2);
      readyKeys[readyCount++] = key;
    } else {
      acceptAll();
    }
  }

  /**
   * Serves the connections the last select found ready: a suspended connection on this thread, at
   * once (see {@link #serveInline}); for a connection whose thread waits, reads for it and wakes
   * it, letting the woken threads run after every {@value #WAKES_BEFORE_YIELDING} wake-ups. Under
   * many connections a select finds hundreds ready; reading them all before any thread ran kept the
   * client waiting for the first response until the last request was read.
   *
   * <p>On several carriers, whatever the loop serves itself runs on one carrier only. So when
   * requests take long to serve (see {@link #DISPATCH_ABOVE_NANOS}), it starts a thread for each
   * suspended connection, which the other carriers serve in parallel, except one every
   * {@value #TIME_EVERY} turns that it serves and times itself, to keep the decision current.
   *
   * <p>Returns how many threads it woke, or -1 if another thread took the loop over meanwhile.
   */
  private int runReady() {
    int woken = 0;
    // Several carriers: the first request served here this turn is timed (one turn in a few, handing over).
    boolean timeOne = !ONE_CARRIER && (!dispatching || ++untimedTurns % TIME_EVERY == 0);
    for (int i = 0; i < readyCount; i++) {
      SelectionKey key = readyKeys[i];
      readyKeys[i] = null;
      EventTransport t = (EventTransport) key.attachment();
      try {
        int ops = key.readyOps(); // as the last select set them
        if ((ops & SelectionKey.OP_WRITE) != 0) t.onWritable();
        if ((ops & SelectionKey.OP_READ) == 0) continue;
        int done = t.onReadable();
        if (done == EventTransport.RESUMED) {
          t.pacerWindow = pacer.served(t.pacerWindow);
          Connection connection = t.connection();
          if (timeOne) {
            timeOne = false;
            int served = connection.requests();
            long start = System.nanoTime();
            if (!serveInline(connection)) return -1; // the keys left are the new holder's to find again
            long nanos = System.nanoTime() - start;
            // Only a turn that served one request tells: not a close, a resume for nothing, a pipeline.
            if (connection.requests() == served + 1) noteInlineCost(nanos);
          } else if (dispatching && startThread(connection)) {
            // another carrier serves it, in parallel with this one
          } else if (!serveInline(connection)) {
            return -1;
          }
        } else if (done == EventTransport.WOKE && ++woken % WAKES_BEFORE_YIELDING == 0) {
          Thread.yield(); // they wait in the carrier's own queue, ahead of the loop
        }
      } catch (CancelledKeyException closed) {
        // the connection closed meanwhile
      } catch (RuntimeException e) {
        // One broken connection must not stop the loop that every other connection waits on.
        LOG.log(System.Logger.Level.ERROR, "event loop: closing a connection that failed", e);
        t.close();
      }
    }
    readyCount = 0;
    return woken;
  }

  /**
   * Serves a connection's next request on the loop's own thread, without waking another: for a
   * handler that does not block, as cheap as a single-threaded event loop. A standby thread is
   * queued first (unparking a thread already queued only sets its permit); if the handler blocks
   * (a sleep, a lock, a read that must wait, a full socket), the carrier runs the standby, which
   * takes the loop over, and this thread goes on serving the connection as its own until the
   * connection is suspended or ends. Returns whether this thread still holds the loop.
   */
  private boolean serveInline(Connection connection) {
    Thread self = Thread.currentThread();
    if (ONE_CARRIER) {
      serving.set(self); // before the unpark: the standby reads it once it runs
      LockSupport.unpark(standby());
    } else {
      if (handingOver != null) handingOver = null; // left by a holder that lost the loop meanwhile
      inlineServed++;
      serving.set(self);
      boolean wake = eager();
      if (!watching) { // read after serving was set; see standBy()
        watching = true;
        wake = true;
      }
      if (wake) LockSupport.unpark(standby());
    }
    connection.run(); // it handles its own failures
    Thread.interrupted(); // a handler's interrupt must not reach the loop, or the next connection
    return serving.compareAndSet(self, null);
  }

  /**
   * Several carriers: notes how long a request served on the loop took, and decides whether the
   * loop goes on serving every ready connection itself or hands all but one a turn to threads of
   * their own. It goes by the fastest of the last {@value #COST_WINDOW} requests timed, since a
   * request is only ever slowed down by what else the machine runs, never sped up.
   */
  private void noteInlineCost(long nanos) {
    if (nanos < fastestInline) fastestInline = nanos;
    if (++inlineTimed < COST_WINDOW) return;
    if (fastestInline > DISPATCH_ABOVE_NANOS) dispatching = true;
    else if (fastestInline < DISPATCH_ABOVE_NANOS * 3 / 4) dispatching = false;
    inlineTimed = 0;
    fastestInline = Long.MAX_VALUE;
  }

  /** Whether the standby is woken at every inline request (several carriers, after a block). */
  private boolean eager() {
    long until = eagerUntil;
    return until != 0 && until - System.nanoTime() > 0;
  }

  /**
   * Called by a connection's thread just before it parks in our own read or write: if it holds the
   * loop, the standby takes the loop over at once instead of at its next look. On one carrier the
   * standby is already queued and runs as soon as this thread parks.
   */
  void beforeParking() {
    Thread self = Thread.currentThread();
    if (ONE_CARRIER || serving.get() != self) return;
    handingOver = self;
    LockSupport.unpark(standby());
  }

  /** The standby, started if there is none; null if no thread could be started. */
  private Thread standby() {
    Thread s = standby.get();
    if (s == null) {
      s = Thread.ofVirtual().name("groundwire-http-events").unstarted(this::standBy);
      if (!standby.compareAndSet(null, s)) return standby.get(); // a thread that lost the loop offered itself
      try {
        s.start();
      } catch (RuntimeException shuttingDown) {
        standby.compareAndSet(s, null);
        return null; // serve without one: a blocking handler then holds the loop up until it returns
      }
    }
    return s;
  }

  /**
   * A standby's life: each time it runs, takes the loop over if the holder is serving a connection
   * and blocked. On one carrier it is woken before every inline request and runs only when the
   * holder blocks (or yields), so finding a holder is enough. On several carriers waking it at every
   * request would wake an idle carrier each time, which then took the loop over from a holder that
   * was still running: half the rate. There it looks at the holder every {@value #WATCH_NANOS} ns
   * while the loop serves, takes over a holder that is parked or blocked, and is then woken at every
   * request for {@value #EAGER_NANOS} ns, since handlers that block once usually block again; it
   * also takes over a holder still busy with the request it saw at its last look. A
   * holder about to park in our own I/O hands the loop over itself ({@link #beforeParking}). A
   * thread that lost the loop and has finished serving becomes the standby again if there is none,
   * and otherwise ends.
   */
  private void standBy() {
    Thread self = Thread.currentThread();
    if (standby.get() != self && !standby.compareAndSet(null, self)) return;
    int idleLooks = 0;
    Thread lastHolder = null;
    long lastServed = -1;
    long firstSeen = 0; // when this thread first saw lastHolder on request lastServed
    while (open && !ended) {
      if (!ONE_CARRIER && watching) LockSupport.parkNanos(this, WATCH_NANOS);
      else LockSupport.park(this);
      Thread holder = serving.get();
      if (!ONE_CARRIER) {
        if (holder == null) {
          lastHolder = null;
          if (watching && ++idleLooks >= 4) {
            watching = false; // the loop is not serving: stop looking until a holder wakes this thread
            if (serving.get() != null) watching = true; // a holder that read watching before it changed
          }
          continue;
        }
        idleLooks = 0;
        watching = true; // the loop is serving: never park without a timeout now
        long served = inlineServed;
        long now = System.nanoTime();
        if (holder != lastHolder || served != lastServed) {
          lastHolder = holder;
          lastServed = served;
          firstSeen = now;
        }
        boolean sameRequest = now - firstSeen >= WATCH_NANOS; // still on it a full look later
        if (handingOver != holder && !sameRequest) {
          if (!blocked(holder)) continue; // still running
          eagerUntil = now + EAGER_NANOS;
        }
      }
      if (holder != null && serving.compareAndSet(holder, null)) {
        handingOver = null;
        watching = false; // the standby is gone: the next inline request starts one
        lastHolder = null;
        standby.compareAndSet(self, null); // this thread holds the loop now
        Arrays.fill(readyKeys, 0, readyCount, null); // the old holder stopped partway through them
        readyCount = 0;
        if (loop()) return;
        if (!standby.compareAndSet(null, self)) return; // lost it again; another thread stands by
      }
    }
  }

  private static boolean blocked(Thread holder) {
    Thread.State state = holder.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
  }

  /** The virtual-thread scheduler's parallelism: the JDK's property, or one per processor. */
  private static int carriers() {
    String property = System.getProperty("jdk.virtualThreadScheduler.parallelism");
    if (property != null) {
      try {
        return Integer.parseInt(property.trim());
      } catch (NumberFormatException ignored) {
        // the JDK then fails to start virtual threads anyway
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Resumes a suspended connection that was timed out or closed, on a new thread of its own; it
   * reads end of stream or finds the channel closed, and ends. Without a thread, on the caller's.
   */
  void resumeOnThread(Connection connection) {
    if (!startThread(connection)) connection.run(); // does not wait: its input is shut or its channel closed
  }

  /** Starts a thread that serves {@code connection}; false if the scheduler refused (shutting down). */
  private static boolean startThread(Connection connection) {
    try {
      Thread.ofVirtual().start(connection);
      return true;
    } catch (RuntimeException shuttingDown) {
      return false;
    }
  }

  private void acceptAll() {
    while (open) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "accept failed", e);
        return; // e.g. out of file descriptors: the next turn tries again
      }
      if (channel == null) return;
      admitted = true;
      admit.accept(channel);
    }
  }

  /** Wakes the loop so that it applies a changed interest. */
  void wakeup() {
    selector.wakeup();
  }

  /** A watched channel was closed: its descriptor is released on the loop's next turn. */
  void closed() {
    pendingCloses.incrementAndGet();
  }

  /** Called by the listener's timer: releases descriptors of closed channels on a quiet server. */
  void tick() {
    if (pendingCloses.get() > 0) selector.wakeup();
  }

  /** Closes the listening socket and waits (up to a second) until the loop has released it. */
  void stopAccepting() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    awaitTurn();
  }

  /** Stops the loop; channels still registered are released with the selector. */
  void close() {
    open = false;
    selector.wakeup();
  }

  /**
   * Waits (up to a second) until a full turn of the loop began after the call. It polls with timed
   * parks rather than waiting on a monitor: a handler may call this on the loop's own thread, which
   * must then unmount so that the standby can take the loop over (on JDK 21 {@code Object.wait}
   * would pin the carrier).
   */
  private void awaitTurn() {
    if (ended || thread.getState() == Thread.State.NEW) return;
    long target = turn + 2; // a full turn that began after the close
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (turn < target && !ended && !Thread.currentThread().isInterrupted()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return;
      selector.wakeup();
      LockSupport.parkNanos(this, Math.min(left, 1_000_000));
    }
  }
}
