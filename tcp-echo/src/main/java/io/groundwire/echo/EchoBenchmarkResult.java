package io.groundwire.echo;

import java.time.Duration;
import java.util.Locale;

/**
 * What an {@link EchoBenchmark} run measured. Throughput counts echoed bytes (bytes that made the
 * whole round trip) in decimal megabytes (10^6 bytes) per second.
 *
 * @param mode throughput or latency
 * @param target the server, as host:port
 * @param connections parallel connections
 * @param messageSize bytes per message
 * @param elapsed the measured time (warm-up excluded)
 * @param bytes bytes echoed while measuring
 * @param messages messages echoed while measuring (in throughput mode: bytes / message size)
 * @param megabytesPerSecond echoed MB (10^6 bytes) per second
 * @param messagesPerSecond echoed messages per second
 * @param roundTrips round-trip percentiles: every ping in latency mode, sampled messages (about every
 *     fourth, under full load) in throughput mode; null only when no sample completed
 */
public record EchoBenchmarkResult(
    BenchmarkMode mode,
    String target,
    int connections,
    int messageSize,
    Duration elapsed,
    long bytes,
    long messages,
    double megabytesPerSecond,
    double messagesPerSecond,
    RoundTrips roundTrips) {

  /** Round-trip time percentiles (accurate to within 1%), the longest and the mean. */
  public record RoundTrips(Duration p50, Duration p90, Duration p99, Duration p999, Duration max, Duration mean) {}

  /** A few readable lines, e.g. for a terminal. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "echo-bench %s: %d connection%s, %d-byte messages, %.2f s against %s%n",
        mode.name().toLowerCase(Locale.ROOT), connections, connections == 1 ? "" : "s", messageSize,
        elapsed.toNanos() / 1e9, target));
    text.append(String.format(Locale.ROOT, "  throughput  %.1f MB/s (%.2f Gbit/s), %d bytes echoed%n",
        megabytesPerSecond, megabytesPerSecond * 8 / 1000, bytes));
    text.append(String.format(Locale.ROOT, "  messages    %.1f /s, %d echoed%n", messagesPerSecond, messages));
    if (roundTrips != null) {
      text.append(String.format(Locale.ROOT,
          "  round trip  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s%n",
          micros(roundTrips.p50), micros(roundTrips.p90), micros(roundTrips.p99),
          micros(roundTrips.p999), micros(roundTrips.max), micros(roundTrips.mean)));
    }
    return text.toString();
  }

  /**
   * One flat JSON object; round-trip fields are in microseconds (null when no round trip was sampled):
   * {@code {"mode":"latency","target":"127.0.0.1:7007","connections":1,"messageSize":64,"seconds":10.0,
   * "bytes":..,"messages":..,"megabytesPerSecond":..,"messagesPerSecond":..,"rttP50Micros":..,
   * "rttP90Micros":..,"rttP99Micros":..,"rttP999Micros":..,"rttMaxMicros":..,"rttMeanMicros":..}}
   */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    json.append("\"mode\":\"").append(mode.name().toLowerCase(Locale.ROOT)).append('"');
    json.append(",\"target\":").append(quote(target));
    json.append(",\"connections\":").append(connections);
    json.append(",\"messageSize\":").append(messageSize);
    json.append(",\"seconds\":").append(number(elapsed.toNanos() / 1e9));
    json.append(",\"bytes\":").append(bytes);
    json.append(",\"messages\":").append(messages);
    json.append(",\"megabytesPerSecond\":").append(number(megabytesPerSecond));
    json.append(",\"messagesPerSecond\":").append(number(messagesPerSecond));
    json.append(",\"rttP50Micros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.p50)));
    json.append(",\"rttP90Micros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.p90)));
    json.append(",\"rttP99Micros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.p99)));
    json.append(",\"rttP999Micros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.p999)));
    json.append(",\"rttMaxMicros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.max)));
    json.append(",\"rttMeanMicros\":").append(roundTrips == null ? "null" : number(toMicros(roundTrips.mean)));
    return json.append('}').toString();
  }

  private static double toMicros(Duration duration) {
    return duration.toNanos() / 1e3;
  }

  private static String micros(Duration duration) {
    return String.format(Locale.ROOT, "%.1f µs", toMicros(duration));
  }

  private static String number(double value) {
    if (!Double.isFinite(value)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
