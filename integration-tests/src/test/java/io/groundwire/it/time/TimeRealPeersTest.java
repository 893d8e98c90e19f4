package io.groundwire.it.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real programs against {@code groundwire time-server} running as a process with its clock shifted
 * 2.5 s ahead: rdate (RFC 868 over TCP and UDP, and SNTP), nc and socat (Daytime), curl (HTTP).
 */
class TimeRealPeersTest {
  private static final Duration SHIFT = Duration.ofMillis(2500);
  private static TimeServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server = TimeServerProcess.start(List.of(), "time-server", "--bind", "127.0.0.1", "--http-port", "0",
        "--daytime-port", "0", "--time-port", "0", "--sntp-port", "0", "--zone", "Europe/Berlin",
        "--clock-offset", "2500ms");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** rdate prints ctime-style "Mon Nov 23 21:40:12 UTC 2026" (TZ=UTC is set for it). */
  private static Instant rdate(String... options) throws Exception {
    String rdate = ExternalProgram.require("rdate", "rdate").toString();
    List<String> command = new java.util.ArrayList<>(List.of(rdate, "-p"));
    command.addAll(List.of(options));
    command.add("127.0.0.1");
    Peers.Result result = Peers.run(command, new byte[0]);
    assertEquals(0, result.exit(), result.output());
    String line = result.output().strip();
    String text = line.substring(line.indexOf(' ') + 1).replaceAll("\\s+", " ");
    return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("MMM d HH:mm:ss 'UTC' uuuu", Locale.US))
        .toInstant(ZoneOffset.UTC);
  }

  private static void assertShiftedWithinASecond(Instant served) {
    Instant expected = Instant.now().plus(SHIFT);
    assertTrue(Duration.between(served, expected).abs().compareTo(Duration.ofMillis(1500)) <= 0,
        "served " + served + ", expected about " + expected);
  }

  @Test
  void rdateReadsOurTimeServerOverTcp() throws Exception {
    assertShiftedWithinASecond(rdate("-o", Integer.toString(server.time)));
  }

  @Test
  void rdateReadsOurTimeServerOverUdp() throws Exception {
    assertShiftedWithinASecond(rdate("-u", "-o", Integer.toString(server.time)));
  }

  @Test
  void rdateReadsOurSntpServer() throws Exception {
    assertShiftedWithinASecond(rdate("-n", "-o", Integer.toString(server.sntp)));
  }

  @Test
  void ncReadsTheDaytimeLine() throws Exception {
    String nc = ExternalProgram.require("nc", "netcat-openbsd").toString();
    Peers.Result result = Peers.run(List.of(nc, "-w", "3", "127.0.0.1", Integer.toString(server.daytime)), new byte[0]);
    assertTrue(result.output().matches(
        "[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0[12]:00 \\(CES?T\\)\r\n"),
        result.output());
  }

  @Test
  void socatReadsTheDaytimeLineOverUdp() throws Exception {
    String socat = ExternalProgram.require("socat", "socat").toString();
    Peers.Result result = Peers.run(List.of(socat, "-t", "2", "-", "UDP:127.0.0.1:" + server.daytime),
        "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(result.output().endsWith("(CET)\r\n") || result.output().endsWith("(CEST)\r\n"), result.output());
  }

  @Test
  void curlReadsTheWorldtimeapiJson() throws Exception {
    String curl = ExternalProgram.require("curl", "curl").toString();
    Peers.Result result = Peers.run(List.of(curl, "-sS", "--max-time", "5",
        "http://127.0.0.1:" + server.http + "/api/timezone/Europe/London"), new byte[0]);
    Matcher unixtime = Pattern.compile("\"unixtime\":(\\d+)").matcher(result.output());
    assertTrue(result.output().startsWith("{\"abbreviation\":\"GMT\"") || result.output().startsWith("{\"abbreviation\":\"BST\""),
        result.output());
    assertTrue(unixtime.find(), result.output());
    assertShiftedWithinASecond(Instant.ofEpochSecond(Long.parseLong(unixtime.group(1))));
  }

  @Test
  void curlSeesA404WithSuggestionsForAnUnknownZone() throws Exception {
    String curl = ExternalProgram.require("curl", "curl").toString();
    Peers.Result result = Peers.run(List.of(curl, "-sS", "--max-time", "5", "-w", "\n%{http_code}",
        "http://127.0.0.1:" + server.http + "/api/timezone/Europe/Pariss.txt"), new byte[0]);
    assertTrue(result.output().endsWith("\n404"), result.output());
    assertTrue(result.output().contains("did you mean Europe/Paris?"), result.output());
  }
}
