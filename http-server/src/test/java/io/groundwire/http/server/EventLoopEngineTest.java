package io.groundwire.http.server;

/** The conversation tests against {@link Engine#EVENT_LOOP}. */
class EventLoopEngineTest extends EngineConversationsTest {
  @Override
  Engine engine() {
    return Engine.EVENT_LOOP;
  }
}
