package io.groundwire.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the summary table of a benchmark run from its {@code results.tsv}: one row per
 * (test, metric, peer) with the median of the runs, every run, and the ratio of ours to that peer.
 *
 * <p>Each line of results.tsv is {@code scenario test metric better peer value}, {@code better}
 * being {@code higher} or {@code lower}. The ratio column is ours ÷ peer for higher-is-better
 * metrics and peer ÷ ours for lower-is-better ones, so a ratio ≥ 1 always means we did at least as
 * well. Usage: {@code Summary RESULTS_TSV [OUR_PEER_NAME]} (default {@code groundwire}).
 */
public final class Summary {
  private Summary() {}

  record Key(String scenario, String test, String metric, String better) {}

  public static void main(String[] args) throws IOException {
    Path tsv = Path.of(args[0]);
    String ours = args.length > 1 ? args[1] : "groundwire";
    Map<Key, Map<String, List<Double>>> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 6) {
        continue;
      }
      table.computeIfAbsent(new Key(f[0], f[1], f[2], f[3]), k -> new LinkedHashMap<>())
          .computeIfAbsent(f[4], k -> new ArrayList<>())
          .add(Double.parseDouble(f[5]));
    }
    StringBuilder out = new StringBuilder();
    String lastScenario = "";
    for (var entry : table.entrySet()) {
      Key key = entry.getKey();
      if (!key.scenario().equals(lastScenario)) {
        out.append("\n=== ").append(key.scenario()).append(" ===\n");
        lastScenario = key.scenario();
      }
      boolean higher = key.better().equals("higher");
      out.append(String.format(Locale.ROOT, "%n%s — %s (%s is better)%n", key.test(), key.metric(), key.better()));
      out.append(String.format(Locale.ROOT, "  %-22s %14s %8s   %s%n", "peer", "median", ours + "÷", "runs"));
      Double ourMedian = entry.getValue().containsKey(ours) ? median(entry.getValue().get(ours)) : null;
      List<Map.Entry<String, List<Double>>> rows = new ArrayList<>(entry.getValue().entrySet());
      rows.sort(Comparator.comparingDouble(
          (Map.Entry<String, List<Double>> e) -> median(e.getValue())).reversed());
      if (!higher) {
        java.util.Collections.reverse(rows);
      }
      for (var row : rows) {
        double median = median(row.getValue());
        String ratio = "";
        if (ourMedian != null && median > 0 && ourMedian > 0) {
          ratio = String.format(Locale.ROOT, "%.2f", higher ? ourMedian / median : median / ourMedian);
        }
        StringBuilder runs = new StringBuilder();
        for (double v : row.getValue()) {
          runs.append(format(v)).append(' ');
        }
        out.append(String.format(Locale.ROOT, "  %-22s %14s %8s   %s%n", row.getKey(), format(median), ratio, runs.toString().trim()));
      }
    }
    System.out.print(out);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(double v) {
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.3f", v);
  }
}
