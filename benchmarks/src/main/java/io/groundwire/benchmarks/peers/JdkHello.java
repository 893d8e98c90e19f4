package io.groundwire.benchmarks.peers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The JDK's {@code com.sun.net.httpserver} with a virtual thread per exchange.
 *
 * <p>Its defaults keep only 200 idle keep-alive connections and drop them after 30 s; the idle
 * benchmark needs 10,000, so both limits are raised here unless set on the command line.
 */
public final class JdkHello {
  private JdkHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8084) until killed. */
  public static void main(String[] args) throws IOException {
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
    }
    if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
      System.setProperty("sun.net.httpserver.idleInterval", "300");
    }
    int port = Args.port(args, 8084);
    HttpServer server = HttpServer.create(new InetSocketAddress(Args.HOST, port), 4096);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", Hello.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, Hello.BYTES.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(Hello.BYTES);
      }
    });
    server.start();
    Args.ready("jdk-hello", port);
  }
}
