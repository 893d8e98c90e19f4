package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every value the client writes into a request head is checked like {@code header()} values: a CR
 * or LF in a Content-Type or User-Agent would end the field and inject fields of the caller's choice.
 */
class HeaderInjectionTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static final String INJECTING = "text/plain\r\nX-Injected: 1";

  @Test
  void aContentTypeWithALineBreakIsRefusedByEveryFactory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestBody.of("x", INJECTING));
    assertTrue(e.getMessage().contains("Content-Type"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RequestBody.of(new byte[1], INJECTING));
    assertThrows(IllegalArgumentException.class,
        () -> RequestBody.ofStream(new ByteArrayInputStream(new byte[1]), 1, INJECTING));
  }

  @Test
  void aUserAgentWithALineBreakIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HttpClient.builder().userAgent("agent\r\nX-Injected: 2"));
    assertTrue(e.getMessage().contains("User-Agent"), e.getMessage());
  }

  @Test
  void aCustomBodysContentTypeWithALineBreakFailsTheCallBeforeAnythingIsSent() throws Exception {
    try (RawServer server = new RawServer(c -> c.readHead())) {
      RequestBody custom = new RequestBody() {
        @Override
        public String contentType() {
          return INJECTING;
        }

        @Override
        public long contentLength() {
          return 1;
        }

        @Override
        public void writeTo(BufferedSink sink) {
          sink.getBuffer().writeByte('x');
        }
      };
      Request post = Request.builder(server.url("/")).post(custom).build();
      assertThrows(IllegalArgumentException.class, () -> clients.newClient().send(post));
      assertNull(server.requests.poll(300, TimeUnit.MILLISECONDS), "nothing reached the server");
    }
  }
}
