package io.groundwire.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundwire http-client} run in-process, against a tiny keep-alive server. */
class HttpClientCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private TinyServer server;

  @BeforeEach
  void captureConsole() throws Exception {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    server = new TinyServer();
  }

  @AfterEach
  void restoreConsole() throws Exception {
    System.setOut(originalOut);
    System.setErr(originalErr);
    server.close();
  }

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "http-client";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsBodiesOfSeveralUrlsThroughOneConnection() {
    int code = run("-s", "-w", "[%{http_code} %{num_connects}]\\n", server.url("/hello"), server.url("/hello"));
    assertEquals(0, code, stderr());
    assertEquals("hello\n[200 1]\nhello\n[200 0]\n", stdout());
    assertEquals(1, server.connections.get());
  }

  @Test
  void includePrintsStatusLineAndHeadersFirst() {
    assertEquals(0, run("-i", server.url("/hello")), stderr());
    assertTrue(stdout().startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n"),
        stdout());
  }

  @Test
  void headPrintsOnlyTheHead() {
    assertEquals(0, run("-I", server.url("/echo")), stderr());
    assertTrue(stdout().startsWith("HTTP/1.1 200 OK\r\n"), stdout());
    assertTrue(stdout().endsWith("\r\n\r\n"), stdout());
  }

  @Test
  void dataPostsAFormWithHeaders() {
    assertEquals(0, run("-d", "a=1", "-d", "b=2", "-H", "X-Test: yes", server.url("/echo")), stderr());
    String echoed = stdout();
    assertTrue(echoed.startsWith("POST /echo HTTP/1.1\r\n"), echoed);
    assertTrue(echoed.contains("Content-Type: application/x-www-form-urlencoded\r\n"), echoed);
    assertTrue(echoed.contains("X-Test: yes\r\n"), echoed);
    assertTrue(echoed.endsWith("\r\n\r\na=1&b=2"), echoed);
  }

  @Test
  void dataBinaryStreamsAFileAsItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.bin");
    Files.writeString(file, "line1\nline2\n");
    assertEquals(0, run("--data-binary", "@" + file, "-X", "PUT", server.url("/echo")), stderr());
    assertTrue(stdout().startsWith("PUT /echo HTTP/1.1"), stdout());
    assertTrue(stdout().endsWith("\r\n\r\nline1\nline2\n"), stdout());
  }

  @Test
  void followsRedirectsOnlyWithL() {
    assertEquals(0, run("-s", "-w", "%{http_code}", server.url("/redirect")), stderr());
    assertEquals("302", stdout());
    out.reset();
    assertEquals(0, run("-s", "-L", "-w", "%{http_code}", server.url("/redirect")), stderr());
    assertEquals("hello\n200", stdout());
  }

  @Test
  void aRedirectLoopExitsWith47LikeCurl() {
    assertEquals(47, run("-s", "-L", server.url("/loop")));
    assertTrue(stderr().contains("loop"), stderr());
  }

  @Test
  void writesBodyToOutputFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.txt");
    assertEquals(0, run("-o", file.toString(), server.url("/hello")), stderr());
    assertEquals("hello\n", Files.readString(file));
    assertEquals("", stdout());
  }

  @Test
  void verboseShowsTheConversationOnStderr() {
    assertEquals(0, run("-v", server.url("/hello")), stderr());
    String conversation = stderr();
    assertTrue(conversation.contains("> GET /hello HTTP/1.1\n"), conversation);
    assertTrue(conversation.contains("> Host: 127.0.0.1:"), conversation);
    assertTrue(conversation.contains("< HTTP/1.1 200 OK\n"), conversation);
    assertTrue(conversation.contains("< Content-Length: 6\n"), conversation);
    assertEquals("hello\n", stdout());
  }

  @Test
  void verboseNamesAnIpv6PeerAsCurlDoes() throws Exception {
    InetAddress loopback6 = InetAddress.getByName("::1");
    try (TinyServer six = new TinyServer(loopback6)) {
      assertEquals(0, run("-v", six.url("/hello")), stderr());
    } catch (java.net.SocketException noIpv6) {
      Assumptions.abort("no IPv6 loopback here: " + noIpv6.getMessage());
    }
    String conversation = stderr();
    assertTrue(conversation.contains("Trying [::1]:"), conversation); // not 0:0:0:0:0:0:0:1
    assertTrue(conversation.contains("(::1) port "), conversation);
  }

  @Test
  void anEmptyHeaderRemovesTheClientsDefaultOne() {
    assertEquals(0, run("-H", "User-Agent:", "-H", "Accept-Encoding:", "-H", "Content-Type:", "-d", "a=1",
        server.url("/echo")), stderr());
    String echoed = stdout();
    assertTrue(echoed.startsWith("POST /echo HTTP/1.1\r\nHost: 127.0.0.1:"), echoed);
    assertTrue(!echoed.contains("User-Agent") && !echoed.contains("Accept-Encoding") && !echoed.contains("Content-Type"),
        echoed);
    assertTrue(echoed.endsWith("\r\n\r\na=1"), echoed);
  }

  @Test
  void verboseShowsTheRequestHeadAsItWasSent() {
    assertEquals(0, run("-v", "-d", "a=1", "-H", "User-Agent:", server.url("/echo")), stderr());
    String conversation = stderr();
    String sent = stdout(); // the server echoes the head it received
    String shown = conversation.lines().filter(l -> l.startsWith("> ") || l.equals(">"))
        .map(l -> l.length() > 2 ? l.substring(2) : "").reduce("", (a, l) -> a + l + "\r\n");
    assertTrue(sent.startsWith(shown), "shown:\n" + shown + "\nsent:\n" + sent);
    assertTrue(!conversation.contains("User-Agent"), conversation);
  }

  @Test
  void writeOutCanGoToStderr() {
    assertEquals(0, run("-s", "-w", "%{stderr}size=%{size_download}", server.url("/hello")), stderr());
    assertEquals("hello\n", stdout());
    assertEquals("size=6", stderr());
  }

  @Test
  void refusedConnectionExitsWith7AndOneLine() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0)) {
      port = unused.getLocalPort();
    }
    int code = run("http://127.0.0.1:" + port + "/");
    assertEquals(7, code);
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().startsWith("http-client: failed to connect to 127.0.0.1:" + port), stderr());
  }

  @Test
  void helpSaysMaxTimeHasNoDefaultLikeCurl() {
    assertEquals(0, run("--help"));
    String help = stdout().replaceAll("\\s+", " ");
    assertTrue(help.contains("Deadline for each whole transfer (default: none, like curl; the library's own default is 30s)."),
        help);
  }

  @Test
  void invalidUrlIsAUsageFailure() {
    int code = run("ftp://example.com/");
    assertEquals(3, code);
    assertTrue(stderr().contains("unsupported scheme"), stderr());
  }
}
