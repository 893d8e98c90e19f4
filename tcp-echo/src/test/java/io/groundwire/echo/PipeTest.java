package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PipeTest {
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
}
