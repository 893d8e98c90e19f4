package io.groundwire.http.server.staticfiles;

import io.groundwire.http.server.Handler;
import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.HttpServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A real server on an ephemeral loopback port, answering with one handler; raw-socket exchanges. */
final class StaticFilesServer implements AutoCloseable {
  private final HttpServer server;

  StaticFilesServer(Handler handler) throws IOException {
    server = HttpServer.create(
        HttpServerOptions.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build(), handler);
    server.start();
  }

  int port() {
    return server.port();
  }

  /**
   * Sends {@code request} (a text block with {@code \n} line ends, turned into CRLF) and reads until
   * the server closes the connection, so requests should say {@code Connection: close}.
   */
  byte[] exchangeBytes(String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      return received.toByteArray();
    }
  }

  RawResponse exchange(String request) throws IOException {
    return RawResponse.parse(exchangeBytes(request));
  }

  /** {@code GET path} with {@code extraHeaders} (each {@code Name: value}) on a connection of its own. */
  RawResponse get(String path, String... extraHeaders) throws IOException {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\nHost: localhost\n");
    for (String header : extraHeaders) {
      request.append(header).append('\n');
    }
    return exchange(request.append("Connection: close\n\n").toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
