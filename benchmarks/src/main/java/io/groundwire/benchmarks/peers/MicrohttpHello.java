package io.groundwire.benchmarks.peers;

import java.io.IOException;
import java.util.List;
import org.microhttp.EventLoop;
import org.microhttp.Header;
import org.microhttp.Options;
import org.microhttp.OptionsBuilder;
import org.microhttp.Response;

/**
 * microhttp hello server with its defaults (one event loop per available CPU, so one here).
 * Note: microhttp ignores {@code Connection: close} on HTTP/1.1 requests.
 */
public final class MicrohttpHello {
  private MicrohttpHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8085) until killed. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Args.port(args, 8085);
    Options options = OptionsBuilder.newBuilder().withHost(Args.HOST).withPort(port).build();
    Response hello = new Response(200, "OK", List.of(new Header("Content-Type", Hello.CONTENT_TYPE)), Hello.BYTES);
    EventLoop loop = new EventLoop(options, (request, callback) -> callback.accept(hello));
    loop.start();
    Args.ready("microhttp-hello", port);
    loop.join();
  }
}
