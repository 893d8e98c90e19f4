package io.groundwire.benchmarks.peers;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** Jetty 12 hello server (core handler API, default thread pool). */
public final class JettyHello {
  private JettyHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8086) until killed. */
  public static void main(String[] args) throws Exception {
    int port = Args.port(args, 8086);
    Server server = JettyServers.listening(port);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Hello.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Hello.BYTES.length);
        response.write(true, ByteBuffer.wrap(Hello.BYTES), callback);
        return true;
      }
    });
    server.start();
    Args.ready("jetty-hello", port);
    server.join();
  }
}
