package io.groundwire.benchmarks;

/**
 * The work a compute handler does: spins on the clock for a given time without blocking, as a
 * handler that renders or serializes would keep its thread busy. Never fails.
 */
public final class Compute {
  private Compute() {}

  /** Keeps the calling thread busy for {@code micros} microseconds; returns a count to print. */
  public static long spin(long micros) {
    long end = System.nanoTime() + micros * 1000;
    long turns = 0;
    while (System.nanoTime() < end) turns++;
    return turns;
  }

  /** The microseconds a compute main was given: its second argument. */
  public static long micros(String[] args) {
    if (args.length < 2) throw new IllegalArgumentException("usage: PORT MICROSECONDS");
    return Long.parseLong(args[1]);
  }
}
