package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void serverDefaultsAreDocumentedValues() {
    EchoServerOptions options = EchoServerOptions.defaults();
    assertNull(options.bindAddress());
    assertEquals(7007, options.port());
    assertEquals(511, options.backlog());
    assertEquals(10_000, options.maxConnections());
    assertEquals(Duration.ofMinutes(5), options.idleTimeout());
    assertEquals(Duration.ofSeconds(5), options.closeGrace());
    assertEquals(65_536, options.bufferSize());
    assertEquals(false, options.udp());
    assertEquals(Duration.ofNanos(50_000), options.busyPoll());
  }

  @Test
  void durationsLongerThanSeventyThreeYearsAreCutNotOverflowed() throws Exception {
    Duration ages = Duration.ofHours(2_600_000); // about 297 years: nanoseconds overflow a long
    EchoServerOptions options = EchoServerOptions.builder().port(0).idleTimeout(ages).closeGrace(ages).build();
    assertEquals(io.groundwire.echo.internal.DurationChecks.LONGEST, options.idleTimeout());
    try (EchoServer server = EchoServer.start(options);
        EchoClient client = EchoClient.connect("127.0.0.1", server.port(),
            EchoClientOptions.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build())) {
      assertEquals("still works", client.echo("still works"));
    }
    assertEquals(io.groundwire.echo.internal.DurationChecks.LONGEST,
        EchoBenchmarkOptions.builder().warmup(ages).build().warmup());
  }

  @Test
  void serverRejectsInvalidValues() {
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().port(65_536));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().maxConnections(0));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().backlog(0));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().idleTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().bufferSize(10));
    assertThrows(IllegalArgumentException.class, () -> EchoServerOptions.builder().busyPoll(Duration.ofNanos(-1)));
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> EchoServerOptions.builder().busyPoll(Duration.ofMillis(1001)));
    assertEquals("busy poll must be at most 1 s: PT1.001S", tooLong.getMessage());
  }

  @Test
  void benchmarkMessageSizeDefaultsByMode() {
    assertEquals(65_536, EchoBenchmarkOptions.builder().build().messageSize());
    assertEquals(64, EchoBenchmarkOptions.builder().mode(BenchmarkMode.LATENCY).build().messageSize());
    assertEquals(100, EchoBenchmarkOptions.builder().mode(BenchmarkMode.LATENCY).messageSize(100).build().messageSize());
  }

  @Test
  void benchmarkRejectsInvalidValues() {
    assertThrows(IllegalArgumentException.class, () -> EchoBenchmarkOptions.builder().connections(0));
    assertThrows(IllegalArgumentException.class, () -> EchoBenchmarkOptions.builder().duration(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> EchoBenchmarkOptions.builder().messageSize(0));
    assertThrows(IllegalArgumentException.class, () -> EchoBenchmarkOptions.builder().totalBytes(-1));
  }

  @Test
  void clientRejectsInvalidTimeouts() {
    assertThrows(IllegalArgumentException.class, () -> EchoClientOptions.builder().connectTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> EchoClientOptions.builder().readTimeout(Duration.ofMillis(-1)));
  }
}
