package io.groundwire.http.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventTransport} driven by hand, in the orders a busy loop can produce: the test plays the
 * loop (its own selector, and {@link EventTransport#onReadable()} called when the test says) and
 * the connection's thread.
 */
class EventTransportTest {
  private ServerSocketChannel server;
  private EventLoop loop; // never started: the transport only wakes it
  private Selector selector;
  private SocketChannel client;
  private SocketChannel accepted;
  private SelectionKey key;
  private EventTransport transport;

  @BeforeEach
  void connect() throws IOException {
    server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = SocketChannel.open(server.getLocalAddress()); // connected once this returns
    accepted = server.accept(); // blocking: the connection is already queued
    loop = new EventLoop(server, channel -> {});
    selector = Selector.open();
    transport = new EventTransport(accepted, loop);
    key = accepted.register(selector, SelectionKey.OP_READ, transport);
    transport.registered(key);
  }

  @AfterEach
  void close() throws IOException {
    transport.close(); // also ends a thread the test left waiting in a read
    client.close();
    selector.close();
    loop.close();
    loop.start(); // a closed loop ends at once, releasing its selector
    server.close();
  }

  @Test
  void aNewConnectionWithNothingToReadYetLetsGoUntilItsFirstRequestComes() throws Exception {
    assertInstanceOf(Transport.Suspended.class, readOnAThread(), "no thread waits for the first request");
    send("GET / HTTP/1.1\r\n\r\n");
    assertTrue(selector.selectNow() > 0, "the loop's select finds the request");
    assertEquals(EventTransport.RESUMED, transport.onReadable());
    assertEquals("GET / HTTP/1.1\r\n\r\n", read());
  }

  @Test
  void resumedForInputItsThreadHadAlreadyReadTheConnectionLetsGoAgainInsteadOfWaiting() throws Exception {
    send("GET / HTTP/1.1\r\n\r\n");
    assertTrue(selector.selectNow() > 0, "the loop's select finds the request");
    assertEquals("GET / HTTP/1.1\r\n\r\n", read(), "the thread reads it first");
    respond();
    assertTrue(transport.suspend());
    // The loop now gets to the readiness its select found before the thread read.
    assertEquals(EventTransport.RESUMED, transport.onReadable());
    assertInstanceOf(Transport.Suspended.class, readOnAThread(),
        "resumed with nothing to read, the thread must let go rather than wait for the next request");

    send("GET /next HTTP/1.1\r\n\r\n");
    assertEquals(EventTransport.RESUMED, transport.onReadable(), "suspended again, the next request resumes it");
    assertEquals("GET /next HTTP/1.1\r\n\r\n", read());
  }

  @Test
  void aConnectionTheLoopSawReadableWhileItsThreadWasBusyStillLetsGoAfterTheResponse() throws Exception {
    send("GET / HTTP/1.1\r\n\r\n");
    assertEquals(EventTransport.NOTHING, transport.onReadable(), "the thread is busy: the loop stops watching");
    assertEquals(0, key.interestOps() & SelectionKey.OP_READ);
    assertEquals("GET / HTTP/1.1\r\n\r\n", read());
    respond();
    assertTrue(transport.suspend(), "between requests the thread lets go, even after the loop stopped watching");
    assertNotEquals(0, key.interestOps() & SelectionKey.OP_READ, "and the loop watches again");

    send("GET /next HTTP/1.1\r\n\r\n");
    assertTrue(selector.selectNow() > 0, "the loop's select finds the next request");
    assertEquals(EventTransport.RESUMED, transport.onReadable());
    assertEquals("GET /next HTTP/1.1\r\n\r\n", read());
  }

  @Test
  void aConnectionResumedForItsNextRequestReadsItWithoutLettingGo() throws Exception {
    send("GET / HTTP/1.1\r\n\r\n");
    assertEquals("GET / HTTP/1.1\r\n\r\n", read());
    respond();
    assertTrue(transport.suspend());
    send("GET /next HTTP/1.1\r\n\r\n");
    assertEquals(EventTransport.RESUMED, transport.onReadable());
    assertEquals("GET /next HTTP/1.1\r\n\r\n", read());
    assertFalse(transport.suspend(), "no response yet: the request is still being served");
  }

  private void send(String text) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    while (b.hasRemaining()) client.write(b);
  }

  /** Writes a response and lets the client read it, as a served request ends. */
  private void respond() throws IOException {
    transport.write(new Buffer().writeUtf8("HTTP/1.1 204 No Content\r\n\r\n"));
    ByteBuffer b = ByteBuffer.allocate(64);
    while (b.position() < 27) client.read(b);
  }

  /** One read by the connection's thread, which must not need to wait: the bytes were sent already. */
  private String read() throws Exception {
    Object result = readOnAThread();
    if (result instanceof Throwable t) throw new AssertionError("the read failed", t);
    return (String) result;
  }

  /** What a read on a thread of its own returned (as text) or threw, within five seconds. */
  private Object readOnAThread() throws Exception {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      byte[] b = new byte[512];
      try {
        int n = transport.read(b, 0, b.length);
        outcome.complete(new String(b, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1));
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    try {
      return outcome.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("the read is still waiting");
    }
  }
}
