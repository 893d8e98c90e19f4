package io.groundwire.echo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A conversation polls while its client answers within the window, and stops once it does not. */
@Timeout(30)
class BusyPollReaderTest {
  private static final Duration WINDOW = Duration.ofMillis(20);
  private static final long SLOW_MILLIS = 200; // the client's pause, far longer than the window
  private ServerSocketChannel listener;
  private SocketChannel client;
  private SocketChannel server;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final ByteBuffer buffer = ByteBuffer.allocate(16);

  @BeforeEach
  void connect() throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = SocketChannel.open(listener.getLocalAddress());
    server = listener.accept();
  }

  @AfterEach
  void close() throws IOException {
    later.shutdownNow();
    client.close();
    server.close();
    listener.close();
  }

  private BusyPoll.Reader reader(Duration window) {
    return new BusyPoll(window).reader(server, new CarrierShare());
  }

  private void sendAfter(long millis) {
    later.schedule(() -> {
      client.write(ByteBuffer.wrap(new byte[] {1}));
      return null;
    }, millis, TimeUnit.MILLISECONDS);
  }

  private int read(BusyPoll.Reader reader) throws IOException {
    buffer.clear();
    return reader.read(buffer);
  }

  @Test
  void aSlowClientCostsOneMissedWindowNotOnePerMessage() throws IOException {
    BusyPoll.Reader reader = reader(WINDOW);
    for (int i = 0; i < 3; i++) {
      sendAfter(SLOW_MILLIS);
      assertEquals(1, read(reader));
    }
    assertEquals(1, reader.windowsMissed());
  }

  @Test
  void aQuickMessageTurnsPollingBackOn() throws IOException {
    BusyPoll.Reader reader = reader(WINDOW);
    sendAfter(SLOW_MILLIS);
    assertEquals(1, read(reader)); // polled in vain, then waited
    client.write(ByteBuffer.wrap(new byte[] {1}));
    assertEquals(1, read(reader)); // not polled; there at once, so within the window
    sendAfter(SLOW_MILLIS);
    assertEquals(1, read(reader)); // polled again, in vain again
    assertEquals(2, reader.windowsMissed());
  }

  @Test
  void endOfStreamEndsAPoll() throws IOException {
    BusyPoll.Reader reader = reader(Duration.ofSeconds(1));
    client.shutdownOutput();
    assertEquals(-1, read(reader));
    assertEquals(0, reader.windowsMissed());
    assertEquals(true, server.isBlocking(), "the channel is blocking again after a poll");
  }

  @Test
  void aCloseFromAnotherThreadWaitsForThePollThenEndsTheRead() throws Exception {
    BusyPoll.Reader reader = reader(Duration.ofMillis(300));
    later.schedule(() -> {
      reader.close();
      return null;
    }, 50, TimeUnit.MILLISECONDS);
    assertThrows(java.nio.channels.ClosedChannelException.class, () -> read(reader));
    assertEquals(1, reader.windowsMissed(), "the close waited for the poll's window rather than cutting into it");
    assertFalse(server.isOpen());
  }

  @Test
  void withoutAWindowReadsSimplyBlock() throws IOException {
    BusyPoll.Reader reader = reader(Duration.ZERO);
    sendAfter(SLOW_MILLIS);
    assertEquals(1, read(reader));
    assertEquals(0, reader.windowsMissed());
  }
}
