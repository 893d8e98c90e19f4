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

  /** Records a connection's failure, unless the run is already stopping (then failures are expected). */
  void fail(IOException e) {
    if (!stopping) {
      failure.compareAndSet(null, e);
    }
  }
}
