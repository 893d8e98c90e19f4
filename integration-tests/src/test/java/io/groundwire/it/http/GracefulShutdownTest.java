package io.groundwire.it.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM drains: a download in flight completes, then the process exits. */
@Timeout(120)
class GracefulShutdownTest {
  @TempDir Path temp;

  @Test
  void sigtermLetsADownloadInFlightFinish() throws Exception {
    Path curl = ExternalProgram.require("curl", "curl");
    Path root = Files.createDirectories(temp.resolve("root"));
    byte[] content = new byte[12 * 1024 * 1024];
    new Random(3).nextBytes(content);
    Files.write(root.resolve("big.bin"), content);
    Path download = temp.resolve("download.bin");

    try (HttpServerProcess server = new HttpServerProcess("--root", root.toString(), "--grace-period", "30s")) {
      // about 3 s at 4 MB/s: long enough to be in flight when SIGTERM arrives
      Process client = new ProcessBuilder(List.of(curl.toString(), "--silent", "--show-error",
          "--limit-rate", "4M", "--max-time", "60", "--output", download.toString(),
          server.baseUrl() + "/big.bin")).redirectErrorStream(true).start();
      try {
        await().atMost(Duration.ofSeconds(20))
            .until(() -> Files.exists(download) && Files.size(download) > 0);
        server.process().destroy(); // SIGTERM
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, client.exitValue(), new String(client.getInputStream().readAllBytes()));
        assertArrayEquals(content, Files.readAllBytes(download));
        assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "the server did not exit after draining");
        assertFalse(server.process().isAlive());
      } finally {
        client.destroyForcibly();
      }
    }
  }
}
