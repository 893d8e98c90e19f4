package io.groundwire.benchmarks.peers;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Undertow hello server with its default thread counts, answering on the I/O thread. */
public final class UndertowHello {
  private UndertowHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8083) until killed. */
  public static void main(String[] args) {
    int port = Args.port(args, 8083);
    ByteBuffer body = ByteBuffer.allocateDirect(Hello.BYTES.length).put(Hello.BYTES).flip();
    Undertow.builder()
        .addHttpListener(port, Args.HOST)
        .setHandler(exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Hello.CONTENT_TYPE);
          exchange.getResponseSender().send(body.duplicate());
        })
        .build()
        .start();
    Args.ready("undertow-hello", port);
  }
}
