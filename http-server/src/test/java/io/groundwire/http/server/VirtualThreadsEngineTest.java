package io.groundwire.http.server;

/** The conversation tests against {@link Engine#VIRTUAL_THREADS}. */
class VirtualThreadsEngineTest extends EngineConversationsTest {
  @Override
  Engine engine() {
    return Engine.VIRTUAL_THREADS;
  }
}
