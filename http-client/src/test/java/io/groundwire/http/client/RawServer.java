package io.groundwire.http.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted server on a raw socket for what no server stub produces. Each accepted connection is
 * handed to the {@link Script} on its own thread. Tests read what the client sent from {@link #requests}.
 */
final class RawServer implements AutoCloseable {
  /** What to do with one accepted connection. */
  interface Script {
    void run(Conversation conversation) throws Exception;
  }

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();
  final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
  final AtomicInteger connections = new AtomicInteger();

  RawServer(Script script) throws IOException {
    this(InetAddress.getLoopbackAddress(), script);
  }

  RawServer(InetAddress bindAddress, Script script) throws IOException {
    serverSocket = new ServerSocket(0, 50, bindAddress);
    acceptor = Thread.ofPlatform().daemon().start(() -> {
      while (!serverSocket.isClosed()) {
        try {
          Socket socket = serverSocket.accept();
          sockets.add(socket);
          int index = connections.getAndIncrement();
          Thread.ofPlatform().daemon().start(() -> {
            try (socket) {
              script.run(new Conversation(socket, index, requests));
            } catch (Exception ignored) {
              // the client went away; the test asserts on what it saw
            }
          });
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  String url(String path) {
    InetSocketAddress address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
    String host = address.getAddress().getHostAddress();
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort() + path;
  }

  /** The next request head the server read, waiting at most 5 seconds. */
  String takeRequest() throws InterruptedException {
    String request = requests.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived within 5 s");
    }
    return request;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** One accepted connection. */
  static final class Conversation {
    final Socket socket;
    final int index;
    private final InputStream in;
    private final OutputStream out;
    private final LinkedBlockingQueue<String> requests;

    Conversation(Socket socket, int index, LinkedBlockingQueue<String> requests) throws IOException {
      this.socket = socket;
      this.index = index;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
      this.requests = requests;
    }

    /** Reads a request head (through the blank line) and records it; null at end of stream. */
    String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b == -1) {
          return null;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      requests.add(text);
      return text;
    }

    /** Reads exactly {@code n} body bytes. */
    byte[] readBody(int n) throws IOException {
      return in.readNBytes(n);
    }

    /** Writes text with CRLF line ends ({@code \n} in text blocks becomes {@code \r\n}). */
    void write(String text) throws IOException {
      out.write(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Writes raw bytes exactly. */
    void writeRaw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }
  }
}
