package io.groundwire.echo.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConversationsTest {
  private final Conversations conversations = new Conversations();

  @Test
  void conversationAddedBeforeCloseAllIsLeftOpenUntilCloseAll() throws Exception {
    try (SocketChannel channel = SocketChannel.open()) {
      EchoConnection connection = new EchoConnection(channel, 64, new BusyPoll(Duration.ZERO), new ServerCounters(), () -> { });
      assertTrue(conversations.add(connection));
      assertTrue(channel.isOpen(), "registration alone must not end a conversation");

      conversations.closeAll();

      assertFalse(channel.isOpen(), "closeAll() missed a conversation added before it");
    }
  }

  @Test
  void conversationAddedAfterCloseAllIsRefused() throws Exception {
    conversations.closeAll();
    try (SocketChannel channel = SocketChannel.open()) {
      EchoConnection connection = new EchoConnection(channel, 64, new BusyPoll(Duration.ZERO), new ServerCounters(), () -> { });

      assertFalse(conversations.add(connection));
      assertTrue(conversations.open().isEmpty(), "a refused conversation must not count as open");
    }
  }
}
