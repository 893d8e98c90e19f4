package io.groundwire.http.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When the client asks for compressed bodies, and when it leaves them alone. */
class ContentDecompressionTest {
  @RegisterExtension final ClientLeakCheck clients = new ClientLeakCheck();

  private static byte[] gzip(String text) throws java.io.IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  private static RawServer gzipServer(byte[] gzip) throws java.io.IOException {
    return new RawServer(c -> {
      while (c.readHead() != null) {
        c.write("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: " + gzip.length + "\n\n");
        c.writeRaw(gzip);
      }
    });
  }

  @Test
  void byDefaultAsksForGzipAndDecodesIt() throws Exception {
    try (RawServer server = gzipServer(gzip("plain text"))) {
      try (Response response = clients.newClient().send(Request.get(server.url("/")))) {
        assertEquals("plain text", response.body().string());
        assertFalse(response.headers().contains("Content-Encoding"));
      }
      assertTrue(server.takeRequest().contains("Accept-Encoding: gzip, deflate\r\n"));
    }
  }

  @Test
  void switchedOffSendsNoAcceptEncodingAndHandsTheBodyOverAsItCame() throws Exception {
    byte[] gzip = gzip("plain text");
    try (RawServer server = gzipServer(gzip)) {
      HttpClient client = clients.newClient(b -> b.contentDecompression(false));
      try (Response response = client.send(Request.get(server.url("/")))) {
        assertArrayEquals(gzip, response.body().bytes());
        assertEquals("gzip", response.headers().get("Content-Encoding"));
      }
      assertFalse(server.takeRequest().contains("Accept-Encoding"));
    }
  }

  @Test
  void aRangeRequestDoesNotAskForCompression() throws Exception {
    byte[] gzip = gzip("plain text");
    try (RawServer server = gzipServer(gzip)) {
      Request range = Request.builder(server.url("/")).header("Range", "bytes=0-3").build();
      try (Response response = clients.newClient().send(range)) {
        response.body().bytes();
      }
      assertFalse(server.takeRequest().contains("Accept-Encoding"));
    }
  }
}
