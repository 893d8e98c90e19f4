package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener sees each phase of a call, in order. */
class EventListenerTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private final List<String> events = new CopyOnWriteArrayList<>();

  private final EventListener recorder = new EventListener() {
    @Override
    public void callStart(Request request) {
      events.add("callStart");
    }

    @Override
    public void connectStart(Request request, InetSocketAddress address) {
      events.add("connectStart");
    }

    @Override
    public void connectEnd(Request request, InetSocketAddress address) {
      events.add("connectEnd");
    }

    @Override
    public void connectionAcquired(Request request, boolean reused) {
      events.add(reused ? "reused" : "acquired");
    }

    @Override
    public void requestHeadersSent(Request request) {
      events.add("requestHeadersSent");
    }

    @Override
    public void requestBodySent(Request request, long bytes) {
      events.add("requestBodySent " + bytes);
    }

    @Override
    public void responseHeadersReceived(Request request, Response response) {
      events.add("responseHeadersReceived " + response.status());
    }

    @Override
    public void responseBodyEnd(Request request, long bytes) {
      events.add("responseBodyEnd " + bytes);
    }

    @Override
    public void redirect(Response response, Request next) {
      events.add("redirect " + next.url().encodedPath());
    }

    @Override
    public void retry(Request request, IOException cause) {
      events.add("retry");
    }

    @Override
    public void callEnd(Request request) {
      events.add("callEnd");
    }

    @Override
    public void callFailed(Request request, IOException failure) {
      events.add("callFailed");
    }
  };

  @Test
  void reportsEveryPhaseOfACallWithRedirect() throws Exception {
    try (RawServer server = new RawServer(c -> {
      c.readHead();
      c.readBody(3);
      c.write("HTTP/1.1 303 See Other\nLocation: /done\nContent-Length: 0\n\n");
      c.readHead();
      c.write("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
      c.readHead();
    })) {
      HttpClient client = clients.newClient(b -> b.eventListener(recorder));
      Request post = Request.builder(server.url("/form")).post(RequestBody.of("a=1", "text/plain")).build();
      try (Response response = client.send(post)) {
        assertEquals("ok", response.body().string());
      }
      assertEquals(List.of("callStart", "connectStart", "connectEnd", "acquired", "requestHeadersSent",
          "requestBodySent 3", "responseHeadersReceived 303", "responseBodyEnd 0", "redirect /done", "reused",
          "requestHeadersSent", "responseHeadersReceived 200", "callEnd", "responseBodyEnd 2"), events);
    }
  }

  @Test
  void reportsFailure() throws Exception {
    try (RawServer server = new RawServer(c -> c.readHead())) {
      HttpClient client = clients.newClient(b -> b.eventListener(recorder));
      try {
        client.send(Request.get(server.url("/")));
      } catch (ConnectionClosedException expected) {
        // the server closed without answering
      }
      assertEquals("callFailed", events.get(events.size() - 1));
    }
  }
}
