package io.groundwire.http.server.internal;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits in {@link Selector#select} on a platform thread of its own while the event loop's virtual
 * thread parks, so that the loop can sleep until a socket is ready without selecting itself.
 *
 * <p>A virtual thread that blocks in {@code select} parks through the JDK's poller, which adds the
 * selector's epoll descriptor to the poller's own epoll set and leaves it there, disarmed, once it
 * has fired. From then on every packet arriving on any watched socket runs the kernel's wake-up
 * callbacks of both epoll sets, on the sender's CPU: about 140 ns per request, paid by a client on
 * the same machine (measured on wrk, which then served fewer requests a second). A platform thread
 * blocked in {@code epoll_wait} is a waiter on the selector only while it waits.
 *
 * <p>Fails by rethrowing from {@link #await()} whatever {@code select} threw.
 */
final class SelectorWaiter {
  private final Selector selector;
  private final Thread thread;
  private volatile Thread waiting; // the thread parked in await(), until the select returned
  private volatile boolean stopped;
  private Throwable failure; // written before waiting is cleared, read after

  SelectorWaiter(Selector selector, String name) {
    this.selector = selector;
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /**
   * Parks the calling thread until a key of the selector is ready or {@link Selector#wakeup()} was
   * called. The ready keys are left for the caller's next {@code selectNow}. One caller at a time,
   * and it must not select meanwhile.
   */
  void await() throws IOException {
    Thread caller = Thread.currentThread();
    waiting = caller;
    LockSupport.unpark(thread);
    while (waiting == caller) LockSupport.park(this);
    Throwable e = failure;
    if (e == null) return;
    failure = null;
    if (e instanceof IOException io) throw io;
    if (e instanceof Error error) throw error;
    throw (RuntimeException) e;
  }

  /** Ends the platform thread; call once no {@link #await()} is in progress. */
  void stop() {
    stopped = true;
    LockSupport.unpark(thread);
  }

  private void run() {
    while (true) {
      Thread caller = waiting;
      if (caller == null) {
        if (stopped) return;
        LockSupport.park(this);
        continue;
      }
      try {
        // Level-triggered: whatever is ready now is still ready when the caller selects again.
        selector.select(key -> {});
      } catch (Throwable e) {
        failure = e; // the caller rethrows it; this thread goes on until stopped
      } finally {
        waiting = null;
        LockSupport.unpark(caller);
      }
    }
  }
}
