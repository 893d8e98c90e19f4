package io.groundwire.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PipeTest {
  @Test
  void waitsForAnInteractiveUserLongerThanTheReadTimeout() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
        EchoClient client = EchoClient.connect("127.0.0.1", server.port(),
            EchoClientOptions.builder().readTimeout(Duration.ofMillis(100)).build())) {
      TypedInput typing = new TypedInput();
      ByteArrayOutputStream screen = new ByteArrayOutputStream();
      CompletableFuture<Long> piped = CompletableFuture.supplyAsync(() -> {
        try {
          return client.pipe(typing, screen);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, task -> Thread.ofVirtual().start(task));
      typing.type("first ");
      await().until(() -> screen.toString(StandardCharsets.UTF_8).equals("first "));
      // The user thinks for four read timeouts; nothing is owed, so nothing times out.
      await().pollDelay(Duration.ofMillis(400)).until(() -> true);
      typing.type("second");
      typing.end();
      assertEquals(12, piped.get(10, TimeUnit.SECONDS));
      assertEquals("first second", screen.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void timesOutWhenEchoesAreOwedAndDoNotCome() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        EchoClient client = EchoClient.connect("127.0.0.1", silent.getLocalPort(),
            EchoClientOptions.builder().readTimeout(Duration.ofMillis(200)).build())) {
      SocketTimeoutException failure = assertThrows(SocketTimeoutException.class, () -> client.pipe(
          new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream()));
      assertEquals("no echo from 127.0.0.1:" + silent.getLocalPort() + " within 200ms (3 bytes still owed)",
          failure.getMessage());
    }
  }

  /** Input a test types into piece by piece, like a user at a terminal. */
  static final class TypedInput extends InputStream {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> keys = new LinkedBlockingQueue<>();
    private boolean ended;

    void type(String text) {
      keys.add(text.getBytes(StandardCharsets.UTF_8));
    }

    void end() {
      keys.add(END);
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
      if (ended) {
        return -1;
      }
      byte[] next;
      try {
        next = keys.take();
      } catch (InterruptedException e) {
        throw new java.io.InterruptedIOException();
      }
      if (next == END) {
        ended = true;
        return -1;
      }
      System.arraycopy(next, 0, buffer, offset, next.length); // tests type less than a buffer
      return next.length;
    }
  }
}
