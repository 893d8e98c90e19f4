package io.groundwire.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server of a few fixed routes for the command's tests: {@code /hello},
 * {@code /redirect} (302 to /hello), {@code /loop} (302 to itself) and {@code /echo} (answers with the request it read).
 */
final class TinyServer implements AutoCloseable {
  private final ServerSocket server;
  final AtomicInteger connections = new AtomicInteger();

  TinyServer() throws IOException {
    this(InetAddress.getLoopbackAddress());
  }

  TinyServer(InetAddress bind) throws IOException {
    server = new ServerSocket(0, 50, bind);
    Thread.ofPlatform().daemon().start(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          connections.incrementAndGet();
          Thread.ofPlatform().daemon().start(() -> serve(socket));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  String url(String path) {
    String host = server.getInetAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort() + path;
  }

  private static void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String path = head.split(" ")[1];
        String response = switch (path) {
          case "/hello" -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";
          case "/redirect" -> "HTTP/1.1 302 Found\r\nLocation: /hello\r\nContent-Length: 0\r\n\r\n";
          case "/loop" -> "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n";
          default -> {
            String echo = head + body;
            yield "HTTP/1.1 200 OK\r\nContent-Length: " + echo.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + echo;
          }
        };
        out.write(response.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException ignored) {
      // client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
