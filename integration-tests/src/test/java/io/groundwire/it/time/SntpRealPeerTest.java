package io.groundwire.it.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Debian's {@code sntp} (NTPsec's ntpdig) always asks port 123, so the server runs on 123 inside a
 * network namespace of its own, where binding it needs no privileges beyond the namespace's.
 */
class SntpRealPeerTest {
  @Test
  void debianSntpReportsTheServersShiftedClock() throws Exception {
    ExternalProgram.requireRoot();
    String sntp = ExternalProgram.require("sntp", "sntp").toString();
    String ip = ExternalProgram.require("ip", "iproute2").toString();
    String ns = "gw-time-" + ProcessHandle.current().pid();
    assertEquals(0, Peers.run(List.of(ip, "netns", "add", ns), new byte[0]).exit());
    try {
      assertEquals(0, Peers.run(List.of(ip, "netns", "exec", ns, ip, "link", "set", "lo", "up"), new byte[0]).exit());
      try (TimeServerProcess server = TimeServerProcess.start(List.of(ip, "netns", "exec", ns),
          "time-server", "--bind", "127.0.0.1", "--http-port", "-1", "--daytime-port", "-1",
          "--time-port", "-1", "--sntp-port", "123", "--clock-offset", "2500ms", "--stratum", "2")) {
        assertEquals(123, server.sntp);
        Peers.Result result = Peers.run(List.of(ip, "netns", "exec", ns, sntp, "-j", "-t", "3", "127.0.0.1"),
            new byte[0]);
        assertEquals(0, result.exit(), result.output());
        Matcher offset = Pattern.compile("\"offset\":\\s*(-?[0-9.]+)").matcher(result.output());
        assertTrue(offset.find(), result.output());
        assertTrue(Math.abs(Double.parseDouble(offset.group(1)) - 2.5) < 0.05, result.output());
        assertTrue(result.output().contains("\"stratum\": 2") || result.output().contains("\"stratum\":2"),
            result.output());
      }
    } finally {
      Peers.run(List.of(ip, "netns", "del", ns), new byte[0]);
    }
  }
}
