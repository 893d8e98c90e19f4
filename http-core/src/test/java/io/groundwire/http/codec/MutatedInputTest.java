package io.groundwire.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.groundwire.http.HttpProtocolException;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * Randomly mutated messages must end in a parsed head or a protocol error, never in another
 * exception (an index out of bounds, say); and whatever parses must write back and read again
 * identically.
 */
class MutatedInputTest {
  private static final String[] REQUESTS = {
    "GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nX: caf\u00e9\r\n\r\n",
    "POST /form HTTP/1.0\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabc",
    "\r\nOPTIONS * HTTP/1.1\r\nHost: [::1]:8080\r\nTransfer-Encoding: chunked\r\n\r\n",
  };
  private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', ':', 0, 0x7f, (byte) 0xe9, '/', '1'};

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(bytes.length);
      bytes[at] = random.nextBoolean()
          ? INTERESTING[random.nextInt(INTERESTING.length)]
          : (byte) random.nextInt(256);
    }
    return bytes;
  }

  @Test
  void mutatedRequestsParseOrFailWithAProtocolError() throws Exception {
    Random random = new Random(42);
    RequestHeadReader reader = new RequestHeadReader();
    for (int round = 0; round < 20_000; round++) {
      byte[] wire = mutate(REQUESTS[round % REQUESTS.length].getBytes(StandardCharsets.ISO_8859_1), random);
      RequestHead head;
      try {
        head = reader.read(new Buffer().write(wire));
      } catch (HttpProtocolException | EOFException expected) {
        continue;
      } catch (Exception e) {
        throw new AssertionError("unexpected " + e + " for " + new String(wire, StandardCharsets.ISO_8859_1), e);
      }
      if (head == null) continue;
      try {
        Framing.forRequest(head);
      } catch (HttpProtocolException expected) {
        // fine: framing errors are protocol errors too
      }
      Buffer rewritten = new Buffer();
      HeadWriter.write(rewritten, head);
      assertEquals(head, reader.read(rewritten));
    }
  }

  @Test
  void mutatedResponsesParseOrFailWithAProtocolError() throws Exception {
    Random random = new Random(43);
    ResponseHeadReader reader = new ResponseHeadReader();
    byte[] original = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: a=b\r\n\r\nhello"
        .getBytes(StandardCharsets.ISO_8859_1);
    for (int round = 0; round < 20_000; round++) {
      byte[] wire = mutate(original, random);
      try {
        ResponseHead head = reader.read(new Buffer().write(wire));
        if (head == null) fail("null for a non-empty stream");
        Buffer rewritten = new Buffer();
        HeadWriter.write(rewritten, head);
        assertEquals(head, reader.read(rewritten));
      } catch (HttpProtocolException | EOFException expected) {
        // fine
      }
    }
  }

  @Test
  void mutatedChunkedBodiesDecodeOrFailWithAProtocolError() throws Exception {
    Random random = new Random(44);
    byte[] original = "5;a=b\r\nhello\r\n3\r\nabc\r\n0\r\nT: v\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    for (int round = 0; round < 20_000; round++) {
      byte[] wire = mutate(original, random);
      try {
        Okio.buffer(new ChunkedSource(new Buffer().write(wire), Limits.DEFAULTS)).readByteArray();
      } catch (HttpProtocolException | EOFException expected) {
        // fine
      }
    }
  }
}
