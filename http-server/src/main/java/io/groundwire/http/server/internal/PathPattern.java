package io.groundwire.http.server.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A route pattern such as {@code /users/{id}/files/*}, matched segment by segment against the raw
 * (still percent-encoded) path, so an encoded slash never splits a segment.
 */
public final class PathPattern {
  private final String pattern;
  private final String[] literals; // null where the segment is a parameter
  private final String[] names;
  private final boolean wildcard;

  private PathPattern(String pattern, String[] literals, String[] names, boolean wildcard) {
    this.pattern = pattern;
    this.literals = literals;
    this.names = names;
    this.wildcard = wildcard;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException when it does not start with '/', a wildcard is not last, or a
   *     parameter is malformed or repeated
   */
  public static PathPattern parse(String pattern) {
    if (!pattern.startsWith("/")) throw new IllegalArgumentException("a pattern starts with '/': " + pattern);
    String[] segments = pattern.substring(1).split("/", -1);
    boolean wildcard = segments[segments.length - 1].equals("*");
    int count = wildcard ? segments.length - 1 : segments.length;
    String[] literals = new String[count];
    String[] names = new String[count];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String s = segments[i];
      if (s.equals("*")) throw new IllegalArgumentException("'*' may only end a pattern: " + pattern);
      if (s.startsWith("{") && s.endsWith("}")) {
        String name = s.substring(1, s.length() - 1);
        if (name.isEmpty() || name.contains("{") || name.contains("}") || seen.contains(name)) {
          throw new IllegalArgumentException("bad or repeated parameter '" + s + "' in " + pattern);
        }
        seen.add(name);
        names[i] = name;
      } else if (s.contains("{") || s.contains("}")) {
        throw new IllegalArgumentException("a parameter must fill its segment: " + pattern);
      } else {
        literals[i] = s;
      }
    }
    return new PathPattern(pattern, literals, names, wildcard);
  }

  /** Whether the pattern has no parameters and no wildcard, so a plain string comparison matches it. */
  public boolean isLiteral() {
    return !wildcard && java.util.Arrays.stream(names).allMatch(n -> n == null);
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /**
   * Matches {@code rawPath} (starting with '/', without query).
   *
   * @return the parameters as alternating names and decoded values ("*" for the wildcard's
   *     remainder), or null when the path does not match
   */
  public String[] match(String rawPath) {
    int pos = 1;
    int n = literals.length;
    String[] params = null;
    int p = 0;
    for (int i = 0; i < n; i++) {
      if (pos > rawPath.length()) return null;
      int end = rawPath.indexOf('/', pos);
      if (end < 0) end = rawPath.length();
      String raw = rawPath.substring(pos, end);
      if (literals[i] != null) {
        if (!literals[i].equals(raw) && !literals[i].equals(Paths.decodeSegment(raw))) return null;
      } else {
        if (raw.isEmpty()) return null;
        if (params == null) params = new String[2 * (n + 1)];
        params[p++] = names[i];
        params[p++] = Paths.decodeSegment(raw);
      }
      pos = end + 1;
      if (end == rawPath.length() && i < n - 1) return null;
      if (end == rawPath.length()) pos = rawPath.length() + 1;
    }
    if (wildcard) {
      String rest = pos > rawPath.length() ? "" : rawPath.substring(pos);
      if (params == null) params = new String[2];
      params[p++] = "*";
      params[p++] = Paths.decodePath(rest);
    } else if (pos <= rawPath.length()) {
      return null; // more path left than the pattern has segments
    }
    if (params == null) return EMPTY;
    return p == params.length ? params : java.util.Arrays.copyOf(params, p);
  }

  private static final String[] EMPTY = new String[0];

  @Override
  public String toString() {
    return pattern;
  }
}
