package io.groundwire.it.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.time.SntpClient;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code groundwire time-server} stops on SIGTERM, reporting what it served. */
class TimeServerShutdownTest {
  @Test
  void sigtermStopsTheServerAndPrintsItsCounters() throws Exception {
    TimeServerProcess server = TimeServerProcess.start(List.of(), "time-server", "--bind", "127.0.0.1",
        "--http-port", "-1", "--daytime-port", "0", "--time-port", "0", "--sntp-port", "0");
    try {
      SntpClient.builder(new InetSocketAddress("127.0.0.1", server.sntp)).samples(3).build().estimate();
      TimeServerProcess.Stopped stopped = server.terminate();
      assertEquals(143, stopped.exit(), "the JVM's exit status after SIGTERM");
      assertTrue(stopped.lines().stream().anyMatch(line -> line.startsWith("time-server: closed after 3 SNTP replies")),
          stopped.lines().toString());
    } finally {
      server.close();
    }
  }
}
