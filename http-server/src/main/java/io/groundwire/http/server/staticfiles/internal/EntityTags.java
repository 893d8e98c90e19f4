package io.groundwire.http.server.staticfiles.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entity tags (RFC 9110 §8.8.3): the strong tag StaticFiles gives a file, and the lists of tags in
 * {@code If-Match} / {@code If-None-Match} with strong and weak comparison (§8.8.3.2).
 */
public final class EntityTags {
  private EntityTags() {}

  /**
   * A strong tag from a file's size and modification time (seconds and nanoseconds), like nginx's
   * {@code "mtime-size"} but strong: a file changed within the same second gets a new tag.
   */
  public static String strongTag(long size, long epochSecond, int nano) {
    return "\"" + Long.toHexString(epochSecond) + (nano == 0 ? "" : "." + Integer.toHexString(nano))
        + "-" + Long.toHexString(size) + "\"";
  }

  /** {@code tag} (from {@link #strongTag}) with a checksum of the content added before its closing quote. */
  public static String withChecksum(String tag, long checksum) {
    return tag.substring(0, tag.length() - 1) + "-" + Long.toHexString(checksum) + "\"";
  }

  /**
   * True when the {@code If-Match} / {@code If-None-Match} value {@code header} contains
   * {@code "*"} or a tag matching {@code current}; {@code strong} selects strong comparison
   * (weak tags never match). A value that is not a valid list matches nothing.
   */
  public static boolean anyMatches(String header, String current, boolean strong) {
    if (header.strip().equals("*")) {
      return true;
    }
    Optional<List<String>> tags = parseList(header);
    if (tags.isEmpty()) {
      return false;
    }
    for (String tag : tags.get()) {
      if (matches(tag, current, strong)) {
        return true;
      }
    }
    return false;
  }

  /** Compares two entity tags (each with its quotes and optional {@code W/}). */
  public static boolean matches(String candidate, String current, boolean strong) {
    boolean candidateWeak = candidate.startsWith("W/");
    boolean currentWeak = current.startsWith("W/");
    if (strong && (candidateWeak || currentWeak)) {
      return false;
    }
    return opaque(candidate).equals(opaque(current));
  }

  /** True when {@code value} is exactly one syntactically valid entity tag. */
  public static boolean isEntityTag(String value) {
    Optional<List<String>> tags = parseList(value);
    return tags.isPresent() && tags.get().size() == 1;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /** Splits {@code #entity-tag}; empty when any element is not an entity tag. */
  static Optional<List<String>> parseList(String header) {
    List<String> tags = new ArrayList<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      char c = header.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
        continue;
      }
      int start = i;
      if (header.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= n || header.charAt(i) != '"') {
        return Optional.empty();
      }
      int close = i + 1;
      while (close < n && isEtagChar(header.charAt(close))) {
        close++;
      }
      if (close >= n || header.charAt(close) != '"') {
        return Optional.empty();
      }
      tags.add(header.substring(start, close + 1));
      i = close + 1;
      // after a tag only OWS and then a comma or the end may follow
      while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++;
      }
      if (i < n && header.charAt(i) != ',') {
        return Optional.empty();
      }
    }
    return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
  }

  // RFC 9110 §8.8.3: etagc = %x21 / %x23-7E / obs-text
  private static boolean isEtagChar(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
  }
}
