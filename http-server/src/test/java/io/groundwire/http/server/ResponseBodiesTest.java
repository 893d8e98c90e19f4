package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies from bytes, streams (chunked when unknown), file regions and body writers. */
class ResponseBodiesTest {
  @TempDir Path dir;
  private HttpServer server;
  private byte[] fileBytes;

  @BeforeEach
  void start() throws Exception {
    fileBytes = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(fileBytes);
    Path big = Files.write(dir.resolve("big.bin"), fileBytes);
    Path small = Files.writeString(dir.resolve("small.txt"), "0123456789");
    server = HttpServer.builder().port(0)
        .get("/stream", (req, res) -> res.stream(new ByteArrayInputStream("abcdef".getBytes()), -1))
        .get("/stream-known", (req, res) -> res.stream(new ByteArrayInputStream("abcdef".getBytes()), 6))
        .get("/big", (req, res) -> res.contentType("application/octet-stream").file(big, 0, Files.size(big)))
        .get("/region", (req, res) -> res.file(big, 1000, 2 * 1024 * 1024))
        .get("/small", (req, res) -> res.file(small, 2, 5))
        .get("/writer", (req, res) -> res.body(11, out -> out.write("hello world".getBytes())))
        .get("/writer-chunked", (req, res) -> res.body(-1, out -> {
          out.write("part1,".getBytes());
          out.flush();
          out.write("part2".getBytes());
        }))
        .get("/writer-lies", (req, res) -> res.body(100, out -> {
          out.write("short".getBytes());
          out.flush();
        }))
        .get("/missing-file", (req, res) -> res.file(dir.resolve("nope"), 0, 10))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String get(String path) throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      return client.send("GET " + path + " HTTP/1.1\nHost: localhost\n\n").readResponse();
    }
  }

  @Test
  void streamOfUnknownLengthIsChunked() throws Exception {
    String response = get("/stream");
    assertTrue(response.contains("\r\nTransfer-Encoding: chunked\r\n"), response);
    assertTrue(response.endsWith("abcdef"), response);
  }

  @Test
  void streamOfKnownLengthHasContentLength() throws Exception {
    String response = get("/stream-known");
    assertTrue(response.contains("\r\nContent-Length: 6\r\n"), response);
    assertFalse(response.contains("chunked"), response);
  }

  @Test
  void smallFileRegionIsSent() throws Exception {
    String response = get("/small");
    assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
    assertTrue(response.endsWith("\r\n\r\n23456"), response);
  }

  @Test
  void largeFileAndRegionArriveByteIdentical() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> whole = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/big")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(Arrays.equals(fileBytes, whole.body()));
    HttpResponse<byte[]> region = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/region")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(Arrays.equals(Arrays.copyOfRange(fileBytes, 1000, 1000 + 2 * 1024 * 1024), region.body()));
  }

  @Test
  void bodyWriterWithKnownLength() throws Exception {
    String response = get("/writer");
    assertTrue(response.contains("\r\nContent-Length: 11\r\n"), response);
    assertTrue(response.endsWith("hello world"), response);
  }

  @Test
  void bodyWriterOfUnknownLengthIsChunkedPerFlush() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("GET /writer-chunked HTTP/1.1\nHost: localhost\n\n");
      String head = client.readUntil("\r\n\r\n");
      assertTrue(head.contains("Transfer-Encoding: chunked"), head);
      assertEquals("6\r\n", client.readUntil("\r\n"));
      assertEquals("part1,\r\n", client.readUntil("\r\n"));
      assertEquals("5\r\n", client.readUntil("\r\n"));
      assertEquals("part2\r\n", client.readUntil("\r\n"));
      assertEquals("0\r\n", client.readUntil("\r\n"));
      assertEquals("\r\n", client.readUntil("\r\n"));
    }
  }

  @Test
  void bodyWriterWritingLessThanPromisedClosesTheConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("GET /writer-lies HTTP/1.1\nHost: localhost\n\n");
      String head = client.readUntil("\r\n\r\n");
      assertTrue(head.contains("Content-Length: 100"), head);
      assertEquals("short", client.readUntil("short"));
      assertTrue(client.isClosedByServer(), "a body shorter than its Content-Length must end the connection");
    }
  }

  @Test
  void fileThatCannotBeOpenedGives500() throws Exception {
    String response = get("/missing-file");
    assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error"), response);
  }

  @Test
  void headOfAFileKeepsItsLength() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("HEAD /big HTTP/1.1\nHost: localhost\n\n").readHeadResponse();
      assertTrue(response.contains("\r\nContent-Length: " + fileBytes.length + "\r\n"), response);
      assertTrue(client.send("GET /small HTTP/1.1\nHost: localhost\n\n").readResponse()
          .endsWith("23456"), "no body bytes after the HEAD response");
    }
  }
}
