package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.http.server.HttpServer;
import io.groundwire.time.internal.NtpPacket;
import io.groundwire.time.internal.NtpTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The clients against servers that answer wrongly: clear IOExceptions, never a hang or a wrong number. */
class HostileServerClientTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** The paths the fake server was asked for, in order. */
  private final CopyOnWriteArrayList<String> paths = new CopyOnWriteArrayList<>();

  /** A fake service answering {@code pattern} with the JSON {@code answer} makes of each request. */
  private HttpServer serving(String pattern, java.util.function.Function<io.groundwire.http.server.Request, String> answer)
      throws IOException {
    return HttpServer.builder().port(0).bindAddress(LOOPBACK)
        .get(pattern, (req, res) -> {
          paths.add(req.path());
          res.contentType("application/json").body(answer.apply(req).getBytes(StandardCharsets.UTF_8));
        })
        .start();
  }

  private static TimeClient clientOf(HttpServer server) {
    return TimeClient.builder("http://127.0.0.1:" + server.port()).timeout(Duration.ofSeconds(5)).samples(1).build();
  }

  @Test
  void aBogusUtcOffsetIsAnIOExceptionNotADateTimeException() throws Exception {
    try (HttpServer server = serving("/api/ip", req -> "{\"datetime\":\"2026-11-24T08:00:00+01:00\","
        + "\"timezone\":\"Europe/Berlin\",\"utc_offset\":\"+99:99\"}");
        TimeClient client = clientOf(server)) {
      IOException e = assertThrows(IOException.class, client::ip);
      assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }
  }

  @Test
  void syncTimesFarBeyondOursAreAnIOExceptionNotAWrappedOffset() throws Exception {
    try (HttpServer server = serving("/api/sync", req -> "{\"t1\":" + req.query().get("t1")
            + ",\"t2\":9000000000000000000,\"t3\":9000000000000000000,\"dispersion_ns\":1000}");
        TimeClient client = clientOf(server)) {
      IOException e = assertThrows(IOException.class, client::estimate);
      assertTrue(e.getMessage().contains("too far"), e.getMessage());
    }
  }

  @Test
  void aZoneIsSentAsPathSegmentsSoAQuestionMarkIsPartOfTheName() throws Exception {
    try (HttpServer server = serving("/api/timezone/*", req -> "{\"datetime\":\"2026-11-24T08:00:00+01:00\","
        + "\"timezone\":\"Europe/Berlin\"}");
        TimeClient client = clientOf(server)) {
      client.time("Europe/Berlin?x#y");
      assertEquals("/api/timezone/Europe/Berlin?x#y", paths.get(0));
    }
  }

  @Test
  void aDaytimeAnswerDribbledOutIsCutAtTheTimeoutForTheWholeAnswer() throws Exception {
    java.util.concurrent.ScheduledExecutorService pace = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    java.util.concurrent.atomic.AtomicReference<Socket> accepted = new java.util.concurrent.atomic.AtomicReference<>();
    try (ServerSocket listener = new ServerSocket(0, 5, LOOPBACK)) {
      Thread.ofVirtual().start(() -> {
        try {
          Socket socket = listener.accept();
          accepted.set(socket);
          OutputStream out = socket.getOutputStream();
          // one byte every 50 ms: each read is quick, the whole answer is not
          pace.scheduleAtFixedRate(() -> {
            try {
              out.write('x');
              out.flush();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e); // the client gave up: stop writing
            }
          }, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (IOException ignored) {
          // the test fails on the client side
        }
      });
      DaytimeClient client = new DaytimeClient((InetSocketAddress) listener.getLocalSocketAddress(), false,
          Duration.ofMillis(500), Clock.systemUTC());
      long start = System.nanoTime();
      assertThrows(SocketTimeoutException.class, client::line);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_000, "took " + millis + " ms");
    } finally {
      pace.shutdownNow();
      if (accepted.get() != null) {
        accepted.get().close();
      }
    }
  }

  @Test
  void zeroOrNegativeTimeoutsAreRefusedAndHugeOnesWork() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(LOOPBACK, 9);
    assertThrows(IllegalArgumentException.class, () -> new Rfc868Client(nowhere, false, Duration.ZERO, Clock.systemUTC()));
    assertThrows(IllegalArgumentException.class, () -> new DaytimeClient(nowhere, true, Duration.ofSeconds(-1), Clock.systemUTC()));
    try (TimeService service = TimeService.start(TimeServiceOptions.builder().bindAddress(LOOPBACK).ephemeralPorts()
        .httpPort(-1).sntpPort(-1).build())) {
      // 2^32 + 1 ms once became 1 ms; Duration.ofSeconds(Long.MAX_VALUE) overflowed
      assertEquals(1, new Rfc868Client(service.timeAddress(), true, Duration.ofMillis(4_294_967_297L), Clock.systemUTC())
          .estimate().samples());
      new DaytimeClient(service.daytimeAddress(), false, Duration.ofSeconds(Long.MAX_VALUE), Clock.systemUTC()).line();
    }
  }

  @Test
  void anAbsurdSntpPrecisionGivesAHugeButPositiveErrorBound() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, LOOPBACK)) {
      Thread.ofVirtual().start(() -> {
        try {
          DatagramPacket request = new DatagramPacket(new byte[512], 512);
          server.receive(request);
          NtpPacket asked = NtpPacket.read(ByteBuffer.wrap(request.getData(), 0, request.getLength()));
          long now = NtpTime.toTimestamp(java.time.Instant.now());
          byte[] reply = new NtpPacket(0, 4, NtpPacket.MODE_SERVER, 2, 4, 127, 0, 0, 0, now,
              asked.transmitTimestamp(), now, now).toBytes();
          server.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
        } catch (IOException ignored) {
          // the test fails on the client side
        }
      });
      OffsetEstimate estimate = SntpClient.builder((InetSocketAddress) server.getLocalSocketAddress())
          .samples(1).timeout(Duration.ofSeconds(5)).build().estimate();
      assertTrue(estimate.errorBound().compareTo(Duration.ofDays(365)) > 0, estimate.toString());
    }
  }
}
