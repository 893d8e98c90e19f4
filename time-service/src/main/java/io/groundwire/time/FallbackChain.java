package io.groundwire.time;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries {@link TimeSource}s in order (e.g. SNTP, then HTTP sync, then a Date header) and returns the
 * first estimate, with the failures of the sources tried before it.
 *
 * <pre>{@code
 * FallbackChain.Result r = FallbackChain.of(sntp, http, dateHeader).estimate();
 * System.out.println(r.estimate().source() + " answered: " + r.estimate());
 * }</pre>
 */
public final class FallbackChain implements TimeSource {
  private final List<TimeSource> sources;

  private FallbackChain(List<TimeSource> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a fallback chain needs at least one source");
    }
    this.sources = List.copyOf(sources);
  }

  /** A chain trying {@code sources} in this order. */
  public static FallbackChain of(TimeSource... sources) {
    return new FallbackChain(List.of(sources));
  }

  /** A chain trying {@code sources} in this order. */
  public static FallbackChain of(List<? extends TimeSource> sources) {
    return new FallbackChain(new ArrayList<>(sources));
  }

  /**
   * The first source's estimate that succeeded, and why the ones before it failed.
   *
   * @param estimate the estimate; its {@code source} says which source answered
   * @param failures one line per source that failed before it ("sntp://...: timed out")
   */
  public record Result(OffsetEstimate estimate, List<String> failures) {}

  @Override
  public String name() {
    StringBuilder name = new StringBuilder();
    for (TimeSource source : sources) {
      name.append(name.isEmpty() ? "" : " -> ").append(source.name());
    }
    return name.toString();
  }

  /**
   * Tries each source in turn.
   *
   * @throws IOException when every source failed; its message lists each failure, and the
   *     individual exceptions are attached as suppressed
   */
  public Result estimateWithFailures() throws IOException {
    List<String> failures = new ArrayList<>();
    List<Exception> causes = new ArrayList<>();
    for (TimeSource source : sources) {
      try {
        return new Result(source.estimate(), List.copyOf(failures));
      } catch (IOException | RuntimeException e) {
        failures.add(source.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        causes.add(e);
      }
    }
    IOException all = new IOException("no time source answered: " + String.join("; ", failures));
    causes.forEach(all::addSuppressed);
    throw all;
  }

  /** The first estimate that succeeded; see {@link #estimateWithFailures()}. */
  @Override
  public OffsetEstimate estimate() throws IOException {
    return estimateWithFailures().estimate();
  }
}
