package io.groundwire.http.client.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool's rules on real loopback sockets, with the clock passed in (no waiting). */
class ConnectionPoolTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Address A = new Address(false, "127.0.0.1", 1);
  private static final Address B = new Address(false, "127.0.0.1", 2);

  private ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    for (Socket s : accepted) {
      s.close();
    }
    server.close();
  }

  /**
   * Waits until the kernel has the client's end on {@code port} in CLOSE_WAIT, that is until it
   * received the server's FIN (a dual-stack JVM's IPv4 sockets are listed in tcp6).
   */
  private static void awaitCloseWait(int port) {
    String local = String.format(":%04X", port);
    await().atMost(Duration.ofSeconds(10)).until(() -> Stream.of("/proc/net/tcp", "/proc/net/tcp6")
        .map(Path::of).filter(Files::isReadable)
        .flatMap(file -> {
          try {
            return Files.readAllLines(file).stream();
          } catch (IOException e) {
            return Stream.empty();
          }
        })
        .map(line -> line.trim().split("\\s+"))
        .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("08")));
  }

  private RealConnection connection(Address address) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    accepted.add(server.accept());
    return new RealConnection(address, socket, 1_000_000_000L, 0);
  }

  @Test
  void reusesTheMostRecentlyReleasedConnectionOfTheSameAddress() throws IOException {
    ConnectionPool pool = new ConnectionPool(5, 300 * SECOND);
    RealConnection first = connection(A);
    RealConnection second = connection(A);
    pool.register(first);
    pool.register(second);
    pool.release(first, true, 0);
    pool.release(second, true, 1);
    assertNull(pool.acquire(B, 2));
    assertSame(second, pool.acquire(A, 2));
    assertSame(first, pool.acquire(A, 2));
    assertEquals(2, pool.inUseCount());
    assertEquals(0, pool.idleCount());
  }

  @Test
  void closesTheLongestIdleBeyondMaxIdle() throws IOException {
    ConnectionPool pool = new ConnectionPool(2, 300 * SECOND);
    List<RealConnection> connections = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RealConnection c = connection(i == 1 ? B : A);
      connections.add(c);
      pool.register(c);
    }
    for (int i = 0; i < 3; i++) {
      pool.release(connections.get(i), true, i);
    }
    assertEquals(2, pool.idleCount());
    assertTrue(connections.get(0).isClosed());
    assertFalse(connections.get(1).isClosed());
    assertFalse(connections.get(2).isClosed());
  }

  @Test
  void closesConnectionsIdleLongerThanKeepAlive() throws IOException {
    ConnectionPool pool = new ConnectionPool(5, 10 * SECOND);
    RealConnection c = connection(A);
    pool.register(c);
    pool.release(c, true, 0);
    pool.evictExpired(11 * SECOND);
    assertEquals(0, pool.idleCount());
    assertTrue(c.isClosed());
  }

  @Test
  void neverPoolsAConnectionReleasedAsNotReusable() throws IOException {
    ConnectionPool pool = new ConnectionPool(5, 300 * SECOND);
    RealConnection c = connection(A);
    pool.register(c);
    pool.release(c, false, 0);
    assertEquals(0, pool.idleCount());
    assertEquals(0, pool.inUseCount());
    assertTrue(c.isClosed());
  }

  @Test
  void probesLongIdleConnectionsAndDropsThoseClosedByTheServer() throws IOException {
    ConnectionPool pool = new ConnectionPool(5, 300 * SECOND);
    RealConnection c = connection(A);
    pool.register(c);
    long now = System.nanoTime();
    pool.release(c, true, now - 2 * SECOND);
    int clientPort = accepted.get(0).getPort();
    accepted.get(0).close(); // the server closes the idle connection
    awaitCloseWait(clientPort); // the probe reads for 1 ms only: let the FIN arrive first
    assertNull(pool.acquire(A, now));
    assertTrue(c.isClosed());
  }

  @Test
  void keepsLongIdleConnectionsThatAreStillOpen() throws IOException {
    ConnectionPool pool = new ConnectionPool(5, 300 * SECOND);
    RealConnection c = connection(A);
    pool.register(c);
    long now = System.nanoTime();
    pool.release(c, true, now - 2 * SECOND);
    assertSame(c, pool.acquire(A, now));
  }
}
