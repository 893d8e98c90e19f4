package io.groundwire.echo;

/** What {@link EchoBenchmark} measures. */
public enum BenchmarkMode {
  /** Streaming both ways at once: a writer and a reader per connection; reports MB/s. */
  THROUGHPUT,
  /** Ping-pong: one message out, wait for its echo, repeat; reports round-trip percentiles. */
  LATENCY
}
