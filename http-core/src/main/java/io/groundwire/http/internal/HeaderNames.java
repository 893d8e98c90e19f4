package io.groundwire.http.internal;

/**
 * Shared {@link String} instances for common field names, so parsing a typical head allocates no
 * name strings and lookups often succeed by identity. Only exact (same case) matches are shared:
 * the name a peer sent is never re-cased.
 */
public final class HeaderNames {
  private static final String[] COMMON = {
    "Host", "Connection", "Content-Length", "Content-Type", "Transfer-Encoding", "Accept",
    "Accept-Encoding", "Accept-Language", "Accept-Ranges", "User-Agent", "Cookie", "Set-Cookie",
    "Referer", "Origin", "Cache-Control", "Pragma", "Upgrade-Insecure-Requests", "If-None-Match",
    "If-Modified-Since", "If-Range", "Range", "Expect", "Authorization", "Date", "Server",
    "Location", "ETag", "Last-Modified", "Content-Encoding", "Content-Range", "Keep-Alive",
    "Vary", "Expires", "Age", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
    "X-Real-IP", "X-Request-Id", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site",
    "Sec-Fetch-User", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform", "DNT", "Priority",
    "Trailer", "TE", "Upgrade", "Via", "Allow", "WWW-Authenticate", "Content-Disposition",
    "host", "connection", "content-length", "content-type", "transfer-encoding", "accept",
    "accept-encoding", "user-agent", "cookie", "date", "server", "x-forwarded-for",
  };
  private static final String[][] BY_LENGTH = new String[32][];

  static {
    for (String name : COMMON) {
      String[] old = BY_LENGTH[name.length()];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = name;
      BY_LENGTH[name.length()] = grown;
    }
  }

  private HeaderNames() {}

  /** The name in {@code bytes[offset, offset+length)} (ISO-8859-1), shared when it is common. */
  public static String name(byte[] bytes, int offset, int length) {
    if (length < BY_LENGTH.length) {
      String[] candidates = BY_LENGTH[length];
      if (candidates != null) {
        for (String candidate : candidates) {
          if (matches(candidate, bytes, offset, length)) return candidate;
        }
      }
    }
    return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static boolean matches(String candidate, byte[] bytes, int offset, int length) {
    // The last byte tells most same-length names apart (Accept-Encoding, Accept-Language).
    if (bytes[offset + length - 1] != (byte) candidate.charAt(length - 1)) return false;
    for (int i = 0; i < length - 1; i++) {
      if (bytes[offset + i] != (byte) candidate.charAt(i)) return false;
    }
    return true;
  }
}
