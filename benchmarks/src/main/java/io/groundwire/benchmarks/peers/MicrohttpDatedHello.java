package io.groundwire.benchmarks.peers;

import io.groundwire.http.HttpDates;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.microhttp.EventLoop;
import org.microhttp.Header;
import org.microhttp.OptionsBuilder;
import org.microhttp.Response;

/**
 * microhttp's hello server with the {@code Date} and {@code Server} headers that ours sends (RFC
 * 9110 §6.6.1: an origin server with a clock sends {@code Date}), so that both put the same bytes
 * on the wire: 134 bytes a response against our 135 and plain microhttp's 78. Like the TechEmpower
 * implementations, it formats the date once a second. microhttp does not add either header itself.
 */
public final class MicrohttpDatedHello {
  private MicrohttpDatedHello() {}

  /** The response for the current second, made anew when the second changes (any loop thread). */
  private static final class Responses {
    private record Dated(long second, Response response) {}

    private volatile Dated current = new Dated(Long.MIN_VALUE, null);

    Response now() {
      long now = System.currentTimeMillis() / 1000;
      Dated dated = current;
      if (dated.second() != now) {
        String date = HttpDates.format(Instant.ofEpochSecond(now));
        dated = new Dated(now, new Response(200, "OK", List.of(new Header("Date", date),
            new Header("Server", "microhttp"), new Header("Content-Type", Hello.CONTENT_TYPE)), Hello.BYTES));
        current = dated; // two threads racing here both make a right response
      }
      return dated.response();
    }
  }

  /** Serves {@code GET /} on the port given as the first argument (default 8086) until killed. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Args.port(args, 8086);
    Responses responses = new Responses();
    EventLoop loop = new EventLoop(OptionsBuilder.newBuilder().withHost(Args.HOST).withPort(port).build(),
        (request, callback) -> callback.accept(responses.now()));
    loop.start();
    Args.ready("microhttp-dated-hello", port);
    loop.join();
  }
}
