package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EchoConversationTest {
  private EchoServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = EchoServer.start(EchoServerOptions.builder().port(0).build());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void echoesText() throws Exception {
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      assertEquals("hello, wire ☺\n", client.echo("hello, wire ☺\n"));
    }
  }

  @Test
  void echoesEveryByteValue() throws Exception {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < 256; i++) {
      everyByte[i] = (byte) i;
    }
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      assertArrayEquals(everyByte, client.echo(everyByte));
    }
  }

  @Test
  void echoesNothingForEmptyInput() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      assertEquals(0, client.pipe(new ByteArrayInputStream(new byte[0]), out));
    }
    assertEquals(0, out.size());
  }

  @Test
  void echoesEmptyMessageAsEmpty() throws Exception {
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      assertArrayEquals(new byte[0], client.echo(new byte[0]));
      assertEquals("still talking", client.echo("still talking"));
    }
  }

  @Test
  void streams64MiBOfRandomBytesBackUnchanged() throws Exception {
    long size = 64L * 1024 * 1024;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    InputStream random = new DigestInputStream(new RandomStream(size, 862), sent);
    CountingStream counter = new CountingStream();
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      assertEquals(size, client.pipe(random, new DigestOutputStream(counter, received)));
    }
    assertEquals(size, counter.count);
    assertArrayEquals(sent.digest(), received.digest());
  }

  @Test
  void echoesLargeMessageWrittenAndReadAtOnce() throws Exception {
    byte[] payload = new byte[8 * 1024 * 1024];
    new Random(7).nextBytes(payload);
    try (EchoClient client = EchoClient.connect("localhost", server.port())) {
      assertArrayEquals(payload, client.echo(payload));
    }
  }

  @Test
  void echoesOverIpv6Loopback() throws Exception {
    try (EchoServer ipv6 = EchoServer.start(EchoServerOptions.builder()
            .bindAddress(InetAddress.getByName("::1")).port(0).build());
        EchoClient client = EchoClient.connect("::1", ipv6.port())) {
      assertEquals("over ::1", client.echo("over ::1"));
      assertEquals(InetAddress.getByName("::1"), client.remoteAddress().getAddress());
    }
  }

  @Test
  void listensOnIpv4AndIpv6ByDefault() throws Exception {
    try (EchoClient v4 = EchoClient.connect("127.0.0.1", server.port());
        EchoClient v6 = EchoClient.connect("::1", server.port())) {
      assertEquals("four", v4.echo("four"));
      assertEquals("six", v6.echo("six"));
    }
  }

  @Test
  void listensOnIpv4OnlyWhenBoundToTheIpv4Wildcard() throws Exception {
    try (EchoServer ipv4 = EchoServer.start(EchoServerOptions.builder()
            .bindAddress(InetAddress.getByName("0.0.0.0")).port(0).build());
        EchoClient client = EchoClient.connect("127.0.0.1", ipv4.port())) {
      assertEquals("four only", client.echo("four only"));
      org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
          () -> EchoClient.connect("::1", ipv4.port()));
    }
  }

  @Test
  void countsBytesInAndOut() throws Exception {
    try (EchoClient client = EchoClient.connect("127.0.0.1", server.port())) {
      client.echo(new byte[1000]);
    }
    org.awaitility.Awaitility.await().until(() -> server.stats().active() == 0);
    EchoServerStats stats = server.stats();
    assertEquals(1, stats.accepted());
    assertEquals(1000, stats.bytesIn());
    assertEquals(1000, stats.bytesOut());
  }

  /** Deterministic pseudo-random bytes, generated as read so 64 MiB never sit in memory. */
  static final class RandomStream extends InputStream {
    private final Random random;
    private long remaining;

    RandomStream(long size, long seed) {
      this.random = new Random(seed);
      this.remaining = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int count = (int) Math.min(length, remaining);
      byte[] chunk = new byte[count];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, offset, count);
      remaining -= count;
      return count;
    }
  }

  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
