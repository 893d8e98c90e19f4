package io.groundwire.echo.internal;

import io.groundwire.echo.BenchmarkMode;
import io.groundwire.echo.EchoBenchmarkOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark: connects every connection, starts their threads, warms up, measures for the
 * duration (or until the byte count is echoed), then stops everything within a bounded time.
 * A server that stops echoing for the connect timeout fails the run instead of hanging it.
 */
public final class BenchmarkRun {
  /**
   * The client runs on platform threads, which block in the kernel directly: that keeps its own
   * latency low and, with thousands of connections streaming both ways at once, keeps it from
   * starving its own readers the way a handful of carrier threads can. Their stacks stay small.
   */
  private static final long STACK_SIZE = 256 * 1024;

  /** What was measured; {@code roundTrips} is null when no round trip could be sampled. */
  public record Outcome(long elapsedNanos, long bytes, long messages, RoundTripHistogram roundTrips) {}

  private final String host;
  private final int port;
  private final EchoBenchmarkOptions options;
  private final BenchmarkControl control;
  private final List<SocketChannel> channels = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>();
  private final List<LatencyConnection> pingers = new ArrayList<>();
  private final List<RoundTripSampler> samplers = new ArrayList<>();

  /** A run against {@code host:port}; nothing happens until {@link #run()}. */
  public BenchmarkRun(String host, int port, EchoBenchmarkOptions options) {
    this.host = host;
    this.port = port;
    this.options = options;
    this.control = new BenchmarkControl(options.connections());
  }

  /** Connects, warms up, measures and stops every connection; throws the first connection failure. */
  public Outcome run() throws IOException {
    try {
      for (int i = 0; i < options.connections(); i++) {
        channels.add(Connecting.channel(host, port, options.connectTimeout()));
      }
      long start;
      long end;
      if (options.totalBytes() > 0) {
        control.measuring = true;
        start = System.nanoTime();
        startConnections();
        waitUntilFinished(0, false);
        end = System.nanoTime();
      } else {
        startConnections();
        waitUntilFinished(System.nanoTime() + options.warmup().toNanos(), true);
        control.measuring = true;
        start = System.nanoTime();
        waitUntilFinished(start + options.duration().toNanos(), true);
        control.measuring = false;
        end = System.nanoTime();
      }
      control.stopping = true;
      IOException failure = control.failure.get();
      if (failure != null) {
        throw failure;
      }
      if (control.progress.sum() == 0) {
        throw new SocketTimeoutException("no echo from " + Connecting.hostPort(host, port)
            + " during the whole run");
      }
      long bytes = control.measuredBytes.sum();
      if (bytes == 0) {
        // Echoes came during the warm-up but none while measuring: the server (or the path) stalled
        // for a shorter time than the stall timeout. A zero would read as a measurement; it is not.
        throw new SocketTimeoutException("no echo from " + Connecting.hostPort(host, port)
            + " while measuring (" + Durations.format(options.duration()) + ")");
      }
      stopConnections(); // joins the threads, so their histograms are complete and visible
      RoundTripHistogram all = new RoundTripHistogram();
      pingers.forEach(pinger -> all.add(pinger.histogram));
      samplers.forEach(sampler -> all.add(sampler.histogram));
      if (options.mode() == BenchmarkMode.THROUGHPUT) {
        return new Outcome(end - start, bytes, bytes / options.messageSize(), all.count() == 0 ? null : all);
      }
      return new Outcome(end - start, bytes, all.count(), all);
    } finally {
      control.stopping = true;
      stopConnections();
    }
  }

  private void startConnections() throws IOException {
    StreamPattern pattern = null;
    if (options.mode() == BenchmarkMode.THROUGHPUT) {
      try {
        pattern = new StreamPattern(ThroughputConnection.readBufferSize(options.messageSize()));
      } catch (OutOfMemoryError e) {
        throw new IOException("no direct memory left for the stream's pattern (" + e.getMessage() + ")");
      }
    }
    ThreadFactory threadFactory = Thread.ofPlatform().daemon().stackSize(STACK_SIZE).name("echo-bench-", 0).factory();
    long total = options.totalBytes();
    int n = options.connections();
    for (int i = 0; i < n; i++) {
      SocketChannel channel = channels.get(i);
      String name = "connection " + (i + 1) + " to " + Connecting.hostPort(host, port);
      long bytes = total > 0 ? total / n + (i < total % n ? 1 : 0) : -1;
      if (options.mode() == BenchmarkMode.THROUGHPUT) {
        ThroughputConnection connection = new ThroughputConnection(channel, control, pattern, options.messageSize(), bytes, name);
        samplers.add(connection.sampler);
        Thread reader = threadFactory.newThread(connection::read);
        readers.add(reader);
        threads.add(reader);
        threads.add(threadFactory.newThread(connection::write));
      } else {
        long messages = bytes < 0 ? -1 : (bytes + options.messageSize() - 1) / options.messageSize();
        LatencyConnection pinger = new LatencyConnection(channel, control, options.messageSize(), messages, name);
        pingers.add(pinger);
        Thread thread = threadFactory.newThread(pinger::run);
        readers.add(thread);
        threads.add(thread);
      }
    }
    threads.forEach(Thread::start);
  }

  /**
   * Waits until the deadline (if there is one), every connection has finished, or a failure or
   * stall ends the run. Deadlines are compared by difference: nanoTime may be negative.
   */
  private void waitUntilFinished(long deadline, boolean hasDeadline) throws IOException {
    long stallNanos = options.connectTimeout().toNanos();
    long lastProgress = control.progress.sum();
    long lastProgressAt = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      if (control.failure.get() != null || (hasDeadline && now - deadline >= 0)) {
        return;
      }
      long step = TimeUnit.MILLISECONDS.toNanos(100);
      try {
        if (control.finished.await(hasDeadline ? Math.min(deadline - now, step) : step, TimeUnit.NANOSECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("benchmark interrupted");
      }
      long progress = control.progress.sum();
      now = System.nanoTime();
      if (progress != lastProgress) {
        lastProgress = progress;
        lastProgressAt = now;
      } else if (now - lastProgressAt >= stallNanos) {
        String server = Connecting.hostPort(host, port);
        control.fail(server, new SocketTimeoutException("no echo from " + server
            + " for " + Durations.format(options.connectTimeout())));
        return;
      }
    }
  }

  /** Lets readers drain to end of stream briefly, then closes every channel and joins every thread. */
  private void stopConnections() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (Thread reader : readers) {
      joinUntil(reader, deadline);
    }
    for (SocketChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing is all we wanted
      }
    }
    long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (Thread thread : threads) {
      joinUntil(thread, joinDeadline);
    }
    readers.clear();
    threads.clear();
    channels.clear();
  }

  private static void joinUntil(Thread thread, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0 || !thread.isAlive()) {
      return;
    }
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
