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
 * (test, metric, peer) with the median of the runs, every run, and a ratio: ours against that peer
 * when ours ran, otherwise that peer against the best one.
 *
 * <p>Each line of results.tsv is {@code scenario test metric better peer value}, {@code better}
 * being {@code higher} or {@code lower}. The ratio is oriented so that above 1 means better: ours ÷
 * peer for higher-is-better metrics, peer ÷ ours for lower-is-better ones (and likewise peer
 * against best, which is then at most 1). Usage: {@code Summary RESULTS_TSV [OUR_PEER_NAME]} (default {@code groundwire}).
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
      List<Map.Entry<String, List<Double>>> rows = new ArrayList<>(entry.getValue().entrySet());
      rows.sort(Comparator.comparingDouble((Map.Entry<String, List<Double>> e) -> median(e.getValue())));
      if (higher) {
        java.util.Collections.reverse(rows); // best first
      }
      // Ratios against ours when we ran; otherwise each peer against the best one.
      boolean oursRan = entry.getValue().containsKey(ours);
      double reference = median(oursRan ? entry.getValue().get(ours) : rows.get(0).getValue());
      String ratioHeader = oursRan ? ours + "÷peer" : "peer÷best";
      out.append(String.format(Locale.ROOT, "%n%s — %s (%s is better)%n", key.test(), key.metric(), key.better()));
      out.append(String.format(Locale.ROOT, "  %-40s %12s %15s   %s%n", "peer", "median", ratioHeader, "runs"));
      for (var row : rows) {
        double median = median(row.getValue());
        String ratio = "";
        if (median > 0 && reference > 0) {
          double better = higher ? reference / median : median / reference;
          ratio = String.format(Locale.ROOT, "%.2f", oursRan ? better : 1 / better);
        }
        StringBuilder runs = new StringBuilder();
        for (double v : row.getValue()) {
          runs.append(format(v)).append(' ');
        }
        out.append(String.format(Locale.ROOT, "  %-40s %12s %15s   %s%n",
            row.getKey(), format(median), ratio, runs.toString().trim()));
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
