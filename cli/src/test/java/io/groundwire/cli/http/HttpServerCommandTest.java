package io.groundwire.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.Main;
import io.groundwire.http.IpLiterals;
import io.groundwire.http.server.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors and failures of {@code groundwire http-server} that happen before it listens. */
class HttpServerCommandTest {
  @TempDir Path temp;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  private static HttpServerCommand parsed(String... args) {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.parseArgs(args);
    return commandLine.getSubcommands().get("http-server").getCommand();
  }

  @Test
  void bindsEveryInterfaceByDefault() throws Exception {
    assertNull(parsed("http-server").options().bindAddress());
  }

  @Test
  void acceptsBracketedIpv6Bind() throws Exception {
    assertEquals(InetAddress.getByName("::1"), parsed("http-server", "--bind", "[::1]").options().bindAddress());
  }

  @Test
  void defaultListenerAcceptsIpv4AndIpv6() throws Exception {
    HttpServer server = HttpServer.create(parsed("http-server", "--port", "0").options(),
        (request, response) -> response.status(204));
    server.start();
    try {
      assertTrue(server.port() > 0);
      try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port())) {
        assertTrue(socket.isConnected());
      }
      Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
      assertEquals("[::]:" + server.port(), IpLiterals.hostPort(server.address()));
      try (Socket socket = new Socket(InetAddress.getByName("::1"), server.port())) {
        assertTrue(socket.isConnected());
      }
    } finally {
      server.close();
    }
  }

  private static boolean ipv6Loopback() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void keystoreWithoutPasswordFileIsAUsageError() {
    assertEquals(2, run("http-server", "--port", "0", "--tls-keystore", temp.resolve("k.p12").toString()));
    assertTrue(err.toString().contains("--tls-keystore and --tls-password-file go together"), err.toString());
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    assertEquals(2, run("http-server", "--port", "70000"));
    assertTrue(err.toString().contains("70000"), err.toString());
  }

  @Test
  void invalidSizeIsAUsageError() {
    assertEquals(2, run("http-server", "--max-body-size", "lots"));
    assertTrue(err.toString().contains("is not a size"), err.toString());
  }

  @Test
  void durationWithoutUnitIsAUsageError() {
    assertEquals(2, run("http-server", "--expires", "30"));
    assertTrue(err.toString().contains("is not a duration"), err.toString());
  }

  @Test
  void missingRootFailsWithOneLine() {
    assertEquals(1, run("http-server", "--port", "0", "--root", temp.resolve("nope").toString()));
    assertTrue(err.toString().startsWith("http-server: --root: not a directory"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }
}
