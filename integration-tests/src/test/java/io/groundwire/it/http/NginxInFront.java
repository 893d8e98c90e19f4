package io.groundwire.it.http;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on a free loopback port proxying everything to an upstream on {@code upstreamPort},
 * in the foreground ({@code daemon off; master_process off;}) with every path in a temp directory.
 */
final class NginxInFront implements AutoCloseable {
  private final Process process;
  private final Path directory;
  private final int port;

  /**
   * Starts nginx; with {@code http11KeepAlive} it talks HTTP/1.1 to the upstream and keeps
   * connections open, otherwise it uses nginx's default (HTTP/1.0, a connection per request).
   */
  NginxInFront(Path nginx, Path directory, int upstreamPort, boolean http11KeepAlive) throws IOException {
    this.directory = directory;
    this.port = freePort();
    String config = """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log info;
        events { worker_connections 128; }
        http {
          access_log %1$s/access.log;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_max_body_size 16m;
          proxy_read_timeout 30s;
          upstream groundwire {
            server 127.0.0.1:%2$d;
            %4$s
          }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://groundwire;
              proxy_set_header Host $host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              %5$s
            }
          }
        }
        """.formatted(directory, upstreamPort, port,
            http11KeepAlive ? "keepalive 8;" : "",
            http11KeepAlive ? "proxy_http_version 1.1;\n      proxy_set_header Connection \"\";" : "");
    Path conf = Files.writeString(directory.resolve("nginx.conf"), config);
    process = new ProcessBuilder(List.of(nginx.toString(), "-p", directory.toString(), "-c", conf.toString(),
        "-e", directory.resolve("error.log").toString()))
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("nginx.out").toFile())
        .start();
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("nginx exited: " + errorLog());
        }
        return accepts();
      });
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String errorLog() {
    try {
      Path log = directory.resolve("error.log");
      return Files.exists(log) ? Files.readString(log) : "(no error.log)";
    } catch (IOException e) {
      return "(error.log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
