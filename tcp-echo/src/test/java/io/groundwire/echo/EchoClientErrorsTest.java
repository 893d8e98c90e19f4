package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EchoClientErrorsTest {
  @Test
  void connectionRefusedNamesHostAndPort() throws Exception {
    int port = freePort();
    ConnectException failure = assertThrows(ConnectException.class, () -> EchoClient.connect("127.0.0.1", port));
    assertEquals("connection refused by 127.0.0.1:" + port, failure.getMessage());
  }

  @Test
  void unknownHostCarriesTheHostName() {
    UnknownHostException failure = assertThrows(UnknownHostException.class,
        () -> EchoClient.connect("no-such-host.invalid", 7007));
    assertEquals("no-such-host.invalid", failure.getMessage());
  }

  @Test
  void rejectsPortOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> EchoClient.connect("127.0.0.1", 70_000));
  }

  @Test
  void readTimeoutWhenServerNeverEchoes() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        EchoClient client = EchoClient.connect("127.0.0.1", silent.getLocalPort(),
            EchoClientOptions.builder().readTimeout(Duration.ofMillis(200)).build())) {
      SocketTimeoutException failure = assertThrows(SocketTimeoutException.class, () -> client.echo("anyone?"));
      assertEquals("no echo from 127.0.0.1:" + silent.getLocalPort() + " within 200ms (0 of 7 bytes back)",
          failure.getMessage());
    }
  }

  @Test
  void aReadTimeoutUnderAMillisecondIsNotForever() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        EchoClient client = EchoClient.connect("127.0.0.1", silent.getLocalPort(),
            EchoClientOptions.builder().readTimeout(Duration.ofNanos(500_000)).build())) {
      assertThrows(SocketTimeoutException.class, () -> client.echo("anyone?"));
    }
  }

  @Test
  void anEchoThatDiffersFromWhatWasSentIsAProtocolError() throws Exception {
    try (ServerSocket flipping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket accepted = flipping.accept()) {
          byte[] got = accepted.getInputStream().readNBytes(5);
          accepted.getOutputStream().write(new String(got).toUpperCase().getBytes());
        } catch (java.io.IOException e) {
          // the test fails on the client side if this does not happen
        }
      });
      try (EchoClient client = EchoClient.connect("127.0.0.1", flipping.getLocalPort())) {
        java.net.ProtocolException failure = assertThrows(java.net.ProtocolException.class, () -> client.echo("hello"));
        assertTrue(failure.getMessage().contains("byte 0 of 5 differs"), failure.getMessage());
      }
    }
  }

  @Test
  void endOfStreamWhenServerClosesBeforeEchoingEverything() throws Exception {
    try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket accepted = rude.accept()) {
          accepted.getInputStream().readNBytes(5);
          accepted.getOutputStream().write("he".getBytes());
        } catch (java.io.IOException e) {
          // the test fails on the client side if this does not happen
        }
      });
      try (EchoClient client = EchoClient.connect("127.0.0.1", rude.getLocalPort())) {
        EOFException failure = assertThrows(EOFException.class, () -> client.echo("hello"));
        assertTrue(failure.getMessage().endsWith("closed the connection after echoing 2 of 5 bytes"),
            failure.getMessage());
      }
    }
  }

  @Test
  void pipeFailsWhenServerClosesBeforeEchoingEverything() throws Exception {
    try (EchoServer server = EchoServer.start(EchoServerOptions.builder().port(0).maxConnections(1).build());
        EchoClient holder = EchoClient.connect("127.0.0.1", server.port())) {
      holder.echo("holding the only slot");
      // The server refuses (closes) this one at once; the pipe must not wait for the endless input.
      EchoClient refused = EchoClient.connect("127.0.0.1", server.port());
      assertThrows(EOFException.class, () -> refused.pipe(new EndlessInput(), new ByteArrayOutputStream()));
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** An input that never ends, like a terminal nobody types in. */
  static final class EndlessInput extends InputStream {
    private final Object never = new Object();

    @Override
    public int read() throws java.io.IOException {
      synchronized (never) {
        try {
          never.wait();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      }
      return -1;
    }
  }
}
