package io.groundwire.it.client;

import static org.awaitility.Awaitility.await;

import io.groundwire.it.support.ExternalProgram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nginx for the client's tests, from a generated config in a temporary directory:
 * {@code daemon off; master_process off;}, temp paths inside that directory, plain HTTP and HTTPS
 * on 127.0.0.1 ephemeral ports, static files from {@code www/}, gzip for text, and an access log
 * that records each request's connection serial number (so tests can count connections).
 */
final class Nginx implements AutoCloseable {
  final Path dir;
  final int httpPort;
  final int httpsPort;
  private final Process process;

  private Nginx(Path dir, int httpPort, int httpsPort, Process process) {
    this.dir = dir;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.process = process;
  }

  /** Starts nginx serving {@code dir/www}, with TLS from {@code dir/cert.pem} and {@code dir/key.pem}. */
  static Nginx start(Path dir) throws IOException {
    Path nginx = ExternalProgram.require("nginx", "nginx");
    int httpPort = freePort();
    int httpsPort = freePort();
    Files.createDirectories(dir.resolve("logs"));
    String conf = """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 256; }
        http {
          log_format conn '$connection $connection_requests $request';
          access_log %1$s/logs/access.log conn;
          client_body_temp_path %1$s/tmp-body;
          proxy_temp_path %1$s/tmp-proxy;
          fastcgi_temp_path %1$s/tmp-fastcgi;
          uwsgi_temp_path %1$s/tmp-uwsgi;
          scgi_temp_path %1$s/tmp-scgi;
          types { text/plain txt; application/octet-stream bin; }
          gzip on;
          gzip_min_length 1;
          gzip_types text/plain;
          keepalive_timeout 60s;
          server {
            listen 127.0.0.1:%2$d;
            listen 127.0.0.1:%3$d ssl;
            ssl_certificate %1$s/cert.pem;
            ssl_certificate_key %1$s/key.pem;
            root %1$s/www;
            location /redirect { return 302 /small.txt; }
          }
        }
        """.formatted(dir, httpPort, httpsPort);
    Path confFile = dir.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    Process process = new ProcessBuilder(nginx.toString(), "-c", confFile.toString(), "-p", dir.toString(),
        "-e", dir.resolve("logs/error.log").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("logs/stdout.log").toFile())
        .start();
    Nginx started = new Nginx(dir, httpPort, httpsPort, process);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("logs/error.log")));
        }
        return accepts(httpPort) && accepts(httpsPort);
      });
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** The access log lines so far: "connection-serial requests-on-it request-line". */
  List<String> accessLog() throws IOException {
    Path log = dir.resolve("logs/access.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean accepts(int port) {
    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
