package io.groundwire.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives one HTTP client library with N platform threads, each sending GETs back to back, and
 * prints one JSON line: requests/s over the measured window and the process CPU time per request.
 *
 * <p>Usage: {@code ClientBench CLIENT URL THREADS WARMUP_SECONDS MEASURE_SECONDS}, CLIENT one of
 * {@link HttpClients#NAMES}. Every response must be 200 with the expected body length, or the
 * run counts an error; any error fails the run (exit 1) so a broken client never reports a figure.
 */
public final class ClientBench {
  private ClientBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: ClientBench CLIENT URL THREADS WARMUP_SECONDS MEASURE_SECONDS");
      System.exit(2);
    }
    String name = args[0];
    URI url = URI.create(args[1]);
    int threads = Integer.parseInt(args[2]);
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
    Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));

    try (HttpClients.Client client = HttpClients.create(name, threads)) {
      int expectedLength = client.get(url); // fails fast when the server or client is broken
      LongAdder requests = new LongAdder();
      LongAdder errors = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(threads);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(Thread.ofPlatform().name("load-" + i).start(() -> {
          try {
            while (!stop.get()) {
              try {
                if (client.get(url) == expectedLength) {
                  requests.increment();
                } else {
                  errors.increment();
                }
              } catch (Exception e) {
                errors.increment();
              }
            }
          } finally {
            done.countDown();
          }
        }));
      }
      Thread.sleep(warmup.toMillis());
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long req0 = requests.sum();
      long err0 = errors.sum();
      long t0 = System.nanoTime();
      Thread.sleep(measure.toMillis());
      long t1 = System.nanoTime();
      long req1 = requests.sum();
      long cpu1 = os.getProcessCpuTime();
      long err1 = errors.sum();
      stop.set(true);
      done.await();

      long count = req1 - req0;
      double seconds = (t1 - t0) / 1e9;
      double cpuMicrosPerRequest = count == 0 ? 0 : (cpu1 - cpu0) / 1e3 / count;
      System.out.printf(Locale.ROOT,
          "{\"client\":\"%s\",\"threads\":%d,\"requests\":%d,\"errors\":%d,\"seconds\":%.3f,"
              + "\"requests_per_second\":%.1f,\"cpu_us_per_request\":%.2f}%n",
          name, threads, count, err1 - err0, seconds, count / seconds, cpuMicrosPerRequest);
      if (err1 > 0) {
        System.err.println(name + ": " + err1 + " failed requests");
        System.exit(1);
      }
    }
  }
}
