package io.groundwire.echo.internal;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What the benchmark's connections share: the phase flags, the byte counters and the first failure. */
final class BenchmarkControl {
  volatile boolean measuring;
  volatile boolean stopping;
  /** Every byte echoed, warm-up included: shows whether the server still makes progress. */
  final LongAdder progress = new LongAdder();
  /** Bytes echoed while measuring. */
  final LongAdder measuredBytes = new LongAdder();
  final AtomicReference<IOException> failure = new AtomicReference<>();
  final CountDownLatch finished;

  BenchmarkControl(int connections) {
    this.finished = new CountDownLatch(connections);
  }

  /**
   * Records the failure of connection {@code name} ("connection 3 to host:port"), unless the run is
   * already stopping (then failures are expected). A socket's own message ("Broken pipe",
   * "Connection reset") gets the connection's name in front, so the report says where it happened.
   */
  void fail(String name, IOException e) {
    if (stopping) {
      return;
    }
    IOException named = e;
    String message = String.valueOf(e.getMessage());
    if (!message.contains(name)) {
      named = e instanceof java.net.SocketException
          ? new java.net.SocketException(name + ": " + message)
          : new IOException(name + ": " + message);
      named.initCause(e);
    }
    failure.compareAndSet(null, named);
  }
}
