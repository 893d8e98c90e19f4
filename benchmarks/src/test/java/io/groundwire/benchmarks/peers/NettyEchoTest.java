package io.groundwire.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke test: the Netty peer the echo benchmark compares against really echoes. */
class NettyEchoTest {
  @Test
  void echoesBytesBackAndClosesAfterHalfClose() throws Exception {
    byte[] sent = "ping\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    try (NettyEcho server = NettyEcho.start(0);
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(sent);
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      assertArrayEquals(sent, in.readAllBytes());
    }
  }
}
