package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7578: multipart/form-data is streamed part by part, so a large file never sits in memory. */
class MultipartUploadTest {
  private static final int FILE_SIZE = 16 * 1024 * 1024;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxBodySize(64L * 1024 * 1024))
        .post("/upload", (req, res) -> {
          StringBuilder summary = new StringBuilder();
          MultipartReader parts = req.multipart();
          for (Part part; (part = parts.next()) != null; ) {
            summary.append(part.name()).append('|').append(part.filename()).append('|');
            if (part.filename() == null) {
              summary.append(part.bodyAsString());
            } else {
              MessageDigest sha = MessageDigest.getInstance("SHA-256");
              long size = 0;
              byte[] buf = new byte[8192];
              try (InputStream in = part.body()) {
                for (int n; (n = in.read(buf)) > 0; size += n) sha.update(buf, 0, n);
              }
              summary.append(size).append('|').append(HexFormat.of().formatHex(sha.digest()));
            }
            summary.append('\n');
          }
          res.text(summary.toString());
        })
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsALargeFileAndFieldsPartByPart() throws Exception {
    byte[] block = new byte[64 * 1024];
    new Random(7).nextBytes(block);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < FILE_SIZE / block.length; i++) sha.update(block);
    String boundary = "----groundwire-boundary-1234";
    byte[] head = ("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
        + "My holiday\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"photo\"; filename=\"beach.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    Supplier<InputStream> body = () -> new InputStream() {
      long pos;
      final long total = head.length + (long) FILE_SIZE + tail.length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= total) return -1;
        int n;
        if (pos < head.length) {
          n = (int) Math.min(len, head.length - pos);
          System.arraycopy(head, (int) pos, b, off, n);
        } else if (pos < head.length + (long) FILE_SIZE) {
          long inFile = pos - head.length;
          int at = (int) (inFile % block.length);
          n = (int) Math.min(len, Math.min(block.length - at, FILE_SIZE - inFile));
          System.arraycopy(block, at, b, off, n);
        } else {
          int at = (int) (pos - head.length - FILE_SIZE);
          n = Math.min(len, tail.length - at);
          System.arraycopy(tail, at, b, off, n);
        }
        pos += n;
        return n;
      }
    };
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body),
                head.length + (long) FILE_SIZE + tail.length))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("title|null|My holiday\nphoto|beach.jpg|" + FILE_SIZE + "|"
        + HexFormat.of().formatHex(sha.digest()) + "\n", response.body());
  }

  @Test
  void truncatedMultipartIs400() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end";
      String response = client.send("""
          POST /upload HTTP/1.1
          Host: localhost
          Content-Type: multipart/form-data; boundary=b
          Content-Length: %d

          """.formatted(body.length())).sendExact(body).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
    }
  }

  @Test
  void nonMultipartBodyIs415() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /upload HTTP/1.1
          Host: localhost
          Content-Type: text/plain
          Content-Length: 2

          hi""").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 415 "), response);
    }
  }
}
