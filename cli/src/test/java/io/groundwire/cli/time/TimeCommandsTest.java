package io.groundwire.cli.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.Main;
import io.groundwire.time.TimeService;
import io.groundwire.time.TimeServiceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** time-client and time-server run in-process against a service started in the test. */
class TimeCommandsTest {
  private static TimeService service;
  private static String url;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    service = TimeService.start(TimeServiceOptions.builder().bindAddress(InetAddress.getLoopbackAddress())
        .ephemeralPorts().clock(Clock.offset(Clock.systemUTC(), Duration.ofMillis(2500))).build());
    url = "http://127.0.0.1:" + service.httpAddress().getPort();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void timeClientPrintsTheTimeInTheZone() {
    Run run = run("time-client", url, "--zone", "Asia/Kolkata");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+\\+05:30 Asia/Kolkata \\(IST, UTC\\+05:30, week \\d+\\)\\n"),
        run.out());
  }

  @Test
  void timeClientJsonIsWorldtimeapiShaped() {
    Run run = run("time-client", url, "--zone", "UTC", "--json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("{\"abbreviation\":\"UTC\",\"client_ip\":\"127.0.0.1\","), run.out());
  }

  @Test
  void timeClientReportsAnUnknownZoneWithItsSuggestion() {
    Run run = run("time-client", url, "--zone", "Europe/Berln");
    assertEquals(1, run.exit());
    assertEquals("time-client: " + url + " answered 404: unknown time zone 'Europe/Berln'; did you mean Europe/Berlin?\n",
        run.err());
  }

  @Test
  void offsetOverHttpShowsTheServersShiftWithinItsBound() {
    Run run = run("time-client", "offset", url, "--json");
    assertEquals(0, run.exit(), run.err());
    assertShift(run.out());
  }

  @Test
  void offsetOverSntpShowsTheServersShiftWithinItsBound() {
    Run run = run("time-client", "offset", "sntp://127.0.0.1:" + service.sntpAddress().getPort(), "--samples", "4", "--json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\"samples\":4"), run.out());
    assertShift(run.out());
  }

  @Test
  void offsetPrintsOffsetPlusMinusBoundAndDelay() {
    Run run = run("time-client", "offset", "sntp://127.0.0.1:" + service.sntpAddress().getPort());
    assertTrue(run.out().matches("offset \\+2\\.\\d{6} s ± 0\\.\\d{6} s, delay 0\\.\\d{6} s \\(8 samples from sntp://127\\.0\\.0\\.1:\\d+\\)\\n"),
        run.out());
  }

  @Test
  void offsetRejectsAnUnknownScheme() {
    Run run = run("time-client", "offset", "gopher://127.0.0.1:70");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("unsupported source"), run.err());
  }

  @Test
  void offsetFailuresAreNamedAfterTimeClientOffset() {
    Run run = run("time-client", "offset", "gopher://127.0.0.1:70");
    assertTrue(run.err().startsWith("time-client offset: unsupported source 'gopher://127.0.0.1:70'"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void offsetSampleCountOutOfRangeIsAUsageErrorNamedAfterTimeClientOffset() {
    Run run = run("time-client", "offset", url, "--samples", "65");
    assertEquals(2, run.exit());
    assertEquals("time-client offset: --samples must be 1-64, was 65\n", run.err());
  }

  @Test
  void aTimeoutThatIsNotPositiveIsAUsageError() {
    Run offset = run("time-client", "offset", "time://127.0.0.1:9", "--timeout", "0s");
    assertEquals(2, offset.exit());
    assertEquals("time-client offset: --timeout must be positive, was PT0S\n", offset.err());
    assertEquals(2, run("time-client", url, "--timeout", "0s").exit());
  }

  @Test
  void offsetConnectionFailureExitsOneNamedAfterTimeClientOffset() throws IOException {
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Run run = run("time-client", "offset", "http://127.0.0.1:" + port, "--samples", "1", "--timeout", "1s");
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("time-client offset: "), run.err());
  }

  @Test
  void timeServerRejectsAnUnknownZoneAsAUsageError() {
    Run run = run("time-server", "--zone", "Mars/Olympus", "--http-port", "0");
    assertEquals(2, run.exit());
    assertEquals("time-server: unknown zone: Mars/Olympus\n", run.err());
  }

  @Test
  void timeServerRejectsAPortOutOfRange() {
    Run run = run("time-server", "--sntp-port", "70000");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("port must be 0-65535"), run.err());
  }

  @Test
  void timeServerRejectsARateThatIsNotANumberAndADispersionNtpCannotCarry() {
    Run rate = run("time-server", "--rate-limit", "NaN", "--http-port", "0");
    assertEquals(2, rate.exit());
    assertTrue(rate.err().startsWith("time-server: rate limit must be a finite number"), rate.err());
    Run dispersion = run("time-server", "--root-dispersion", "20h", "--http-port", "0");
    assertEquals(2, dispersion.exit());
    assertTrue(dispersion.err().contains("under 65536 s"), dispersion.err());
  }

  @Test
  void timeServerBindsEveryInterfaceByDefault() {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.parseArgs("time-server");
    TimeServerCommand command = commandLine.getSubcommands().get("time-server").getCommand();
    assertEquals(null, command.options().bindAddress());
  }

  @Test
  void timeServerPrintsADualStackListenerAsBracketedDoubleColon() throws Exception {
    StringWriter out = new StringWriter();
    TimeServerCommand.print(new PrintWriter(out, true), "HTTP API",
        new java.net.InetSocketAddress(InetAddress.getByName("::"), 8081), "http://", "/api/timezone");
    assertEquals("  HTTP API: http://[::]:8081/api/timezone" + System.lineSeparator(), out.toString());
  }

  private static void assertShift(String json) {
    double offset = number(json, "offset_s");
    double bound = number(json, "error_bound_s");
    assertTrue(Math.abs(offset - 2.5) <= bound, json);
    assertTrue(bound < 0.2, json);
  }

  private static double number(String json, String key) {
    int start = json.indexOf("\"" + key + "\":") + key.length() + 3;
    int end = start;
    while (end < json.length() && "+-.0123456789eE".indexOf(json.charAt(end)) >= 0) {
      end++;
    }
    return Double.parseDouble(json.substring(start, end));
  }
}
