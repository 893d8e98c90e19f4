package io.groundwire.http.server.staticfiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One HTTP response as read off a raw socket: status line, header fields, body bytes. */
record RawResponse(int status, List<String[]> headers, byte[] body) {
  /** Parses the first response in {@code bytes}; the body is everything after the head. */
  static RawResponse parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete response head in: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
    }
    return new RawResponse(status, headers, Arrays.copyOfRange(bytes, end + 4, bytes.length));
  }

  /** The first value of header {@code name}, or null. */
  String header(String name) {
    for (String[] field : headers) {
      if (field[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return field[1];
      }
    }
    return null;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
