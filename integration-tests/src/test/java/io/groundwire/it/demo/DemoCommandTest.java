package io.groundwire.it.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.echo.EchoClient;
import io.groundwire.it.support.GroundwireCli;
import io.groundwire.it.support.RunningProcess;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code groundwire demo} starts the web site, the echo server and the time service, and SIGTERM stops them all. */
class DemoCommandTest {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  @Test
  void demoServesThePageTheEchoAndTheTimeThenStopsOnSigterm() throws Exception {
    List<String> command = GroundwireCli.command(List.of(), "demo",
        "--bind", "127.0.0.1", "--http-port", "0", "--echo-port", "0", "--time-http-port", "0",
        "--daytime-port", "0", "--time-port", "0", "--sntp-port", "0");
    try (RunningProcess demo = RunningProcess.start(command)) {
      int webPort = port(demo, "^web site\\s+http://127\\.0\\.0\\.1:(\\d+)/");
      int echoPort = port(demo, "^echo server\\s+tcp\\+udp 127\\.0\\.0\\.1:(\\d+)");
      int timePort = port(demo, "^time API\\s+http://127\\.0\\.0\\.1:(\\d+)/");
      int daytimePort = port(demo, "^daytime\\s+tcp\\+udp 127\\.0\\.0\\.1:(\\d+)");
      demo.awaitLine(Pattern.compile("^Ctrl-C stops the demo"), STARTUP);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<img"), page.body());

      try (EchoClient echo = EchoClient.connect("127.0.0.1", echoPort)) {
        assertArrayEquals("hello demo".getBytes(StandardCharsets.UTF_8), echo.echo("hello demo".getBytes(StandardCharsets.UTF_8)));
      }

      HttpResponse<String> time = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + timePort + "/api/timezone/Europe/London"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, time.statusCode());
      assertTrue(time.body().contains("\"timezone\":\"Europe/London\""), time.body());

      try (Socket daytime = new Socket("127.0.0.1", daytimePort)) {
        daytime.setSoTimeout(10_000);
        String line = new String(daytime.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(line.matches("(?s).*\\d{2}:\\d{2}:\\d{2}.*"), line);
      }

      demo.process.toHandle().destroy(); // SIGTERM
      assertEquals(143, demo.awaitExit(Duration.ofSeconds(30)));
    }
  }

  private static int port(RunningProcess demo, String regex) throws Exception {
    return Integer.parseInt(demo.awaitLine(Pattern.compile(regex), STARTUP).group(1));
  }
}
