package io.groundwire.echo.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.groundwire.echo.EchoClientOptions;
import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pipe with nothing owed outlasts any number of read timeouts: the user at the keyboard is thinking. */
@Timeout(30)
class InteractivePipeTest {
  @Test
  void waitsForAnInteractiveUserLongerThanTheReadTimeout() throws Exception {
    Duration readTimeout = Duration.ofMillis(100);
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).build());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout((int) readTimeout.toMillis());
      Pipe pipe = new Pipe(socket, "127.0.0.1:" + server.port(),
          EchoClientOptions.builder().readTimeout(readTimeout).build());
      TypedInput typing = new TypedInput();
      ByteArrayOutputStream screen = new ByteArrayOutputStream();
      CompletableFuture<Long> piped = CompletableFuture.supplyAsync(() -> {
        try {
          return pipe.run(typing, screen);
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        }
      }, task -> Thread.ofVirtual().start(task));
      typing.type("first ");
      await().until(() -> screen.toString(StandardCharsets.UTF_8).equals("first "));
      long before = pipe.quietTimeouts();
      // The user thinks for four read timeouts; nothing is owed, so none of them fails the pipe.
      await().until(() -> pipe.quietTimeouts() >= before + 4);
      assertFalse(piped.isDone(), "the pipe ended while the user was thinking");
      typing.type("second");
      typing.end();
      assertEquals(12, piped.get(10, TimeUnit.SECONDS));
      assertEquals("first second", screen.toString(StandardCharsets.UTF_8));
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
        throw new InterruptedIOException();
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
