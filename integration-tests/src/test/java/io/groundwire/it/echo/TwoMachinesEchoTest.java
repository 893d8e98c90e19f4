package io.groundwire.it.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import io.groundwire.it.support.GroundwireCli;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo pair on two "machines": {@code groundwire echo-server} in one network namespace,
 * {@code groundwire echo-client} in another, separate processes talking over a veth link, IPv4 and IPv6.
 */
@Timeout(120)
class TwoMachinesEchoTest {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  private static NetworkNamespaces machines;
  private static RunningProcess server;

  @BeforeAll
  static void startServerOnMachineA() throws Exception {
    ExternalProgram.requireRoot();
    ExternalProgram.require("ip", "iproute2");
    machines = NetworkNamespaces.create();
    try {
      server = RunningProcess.start(GroundwireCli.command(
          NetworkNamespaces.exec(machines.server), "echo-server", "--port", "7007", "--udp"));
      assertEquals(7007, server.awaitListeningPort(Duration.ofSeconds(30)));
    } catch (Exception | AssertionError e) {
      stopServerAndRemoveMachines();
      throw e;
    }
  }

  @AfterAll
  static void stopServerAndRemoveMachines() throws Exception {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } finally {
      if (machines != null) {
        machines.close();
        machines = null;
      }
    }
  }

  @Test
  void clientOnMachineBTalksToServerOnMachineAOverIpv4() throws Exception {
    RunningProcess.Result result = clientOnMachineB(new byte[0],
        NetworkNamespaces.SERVER_IPV4, "7007", "--message", "hello over 198.18.0.0/15");
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("hello over 198.18.0.0/15\n", result.out());
  }

  @Test
  void clientOnMachineBTalksToServerOnMachineAOverIpv6() throws Exception {
    RunningProcess.Result result = clientOnMachineB(new byte[0],
        NetworkNamespaces.SERVER_IPV6, "7007", "--message", "hello over fd00:6777::/64");
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("hello over fd00:6777::/64\n", result.out());
  }

  @Test
  void binaryStreamCrossesTheLinkUnchangedOverIpv4() throws Exception {
    byte[] payload = new byte[4 * 1024 * 1024];
    new Random(4).nextBytes(payload);
    RunningProcess.Result result = clientOnMachineB(payload, NetworkNamespaces.SERVER_IPV4, "7007");
    assertEquals(0, result.exitCode(), result.stderr());
    assertArrayEquals(payload, result.stdout());
  }

  @Test
  void binaryStreamCrossesTheLinkUnchangedOverIpv6() throws Exception {
    byte[] payload = new byte[4 * 1024 * 1024];
    new Random(6).nextBytes(payload);
    RunningProcess.Result result = clientOnMachineB(payload, "[" + NetworkNamespaces.SERVER_IPV6 + "]", "7007");
    assertEquals(0, result.exitCode(), result.stderr());
    assertArrayEquals(payload, result.stdout());
  }

  @Test
  void udpDatagramFromMachineBComesBackOverIpv6() throws Exception {
    java.nio.file.Path socat = ExternalProgram.require("socat", "socat");
    // socat sends stdin as one datagram and prints what comes back within its 2 s wait
    RunningProcess.Result result = RunningProcess.run(java.util.List.of("ip", "netns", "exec", machines.client,
        socat.toString(), "-t", "2", "-", "UDP6:[" + NetworkNamespaces.SERVER_IPV6 + "]:7007"),
        "datagram across the link".getBytes(StandardCharsets.UTF_8), CLIENT_TIMEOUT);
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("datagram across the link", result.out());
  }

  @Test
  void benchmarkRunsAcrossTheLink() throws Exception {
    RunningProcess.Result result = RunningProcess.run(GroundwireCli.command(
        NetworkNamespaces.exec(machines.client), "echo-bench", NetworkNamespaces.SERVER_IPV4, "7007",
        "--mode", "latency", "--duration", "500ms", "--warmup", "200ms", "--json"), new byte[0], CLIENT_TIMEOUT);
    assertEquals(0, result.exitCode(), result.stderr());
    String json = result.out();
    assertTrue(json.startsWith("{\"mode\":\"latency\",\"target\":\"198.18.0.1:7007\""), json);
    assertTrue(!json.contains("\"messages\":0,"), json);
  }

  @Test
  void clientOnMachineBGetsConnectionRefusedFromAClosedPort() throws Exception {
    RunningProcess.Result result = clientOnMachineB(new byte[0],
        NetworkNamespaces.SERVER_IPV4, "7008", "--message", "anyone?");
    assertEquals(1, result.exitCode());
    assertEquals("echo-client: connection refused by 198.18.0.1:7008\n",
        new String(result.stderr().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  private static RunningProcess.Result clientOnMachineB(byte[] stdin, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "echo-client";
    System.arraycopy(args, 0, command, 1, args.length);
    return RunningProcess.run(
        GroundwireCli.command(NetworkNamespaces.exec(machines.client), command), stdin, CLIENT_TIMEOUT);
  }
}
