package io.groundwire.http;

import io.groundwire.http.internal.Lists;
import io.groundwire.http.internal.Syntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, ordered list of header (or trailer) fields. Names are looked up case-insensitively
 * and keep the case they were given; repeated fields are kept in order, never merged.
 *
 * <p>Every name is a token and every value is free of CR, LF, NUL and other control characters
 * (checked by the {@link Builder} and by the codec), so writing a {@code Headers} can never inject
 * a field or a message. Values are trimmed of surrounding spaces and tabs. Characters above
 * U+00FF are rejected: field values are ISO-8859-1 on the wire (RFC 9110 §5.5).
 */
public final class Headers {
  /** No fields at all. */
  public static final Headers EMPTY = new Headers(new String[0]);

  static {
    io.groundwire.http.internal.Trusted.registerHeaders(Headers::new);
  }

  // name0, value0, name1, value1, ...; exact length.
  private final String[] namesAndValues;

  private Headers(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Headers from alternating names and values: {@code Headers.of("Host", "a", "Accept", "*\/*")}.
   *
   * @throws IllegalArgumentException if the count is odd or a name or value is invalid
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected alternating names and values");
    }
    Builder builder = new Builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  /** The number of fields (a repeated name counts once per line). */
  public int size() {
    return namesAndValues.length / 2;
  }

  /** True if there are no fields. */
  public boolean isEmpty() {
    return namesAndValues.length == 0;
  }

  /** The name of field {@code i}, as it was written. */
  public String name(int i) {
    return namesAndValues[i * 2];
  }

  /** The value of field {@code i}. */
  public String value(int i) {
    return namesAndValues[i * 2 + 1];
  }

  /** The value of the first field named {@code name} (any case), or null if there is none. */
  public String get(String name) {
    String[] nv = namesAndValues;
    for (int i = 0; i < nv.length; i += 2) {
      if (sameName(nv[i], name)) return nv[i + 1];
    }
    return null;
  }

  /** True if at least one field is named {@code name} (any case). */
  public boolean contains(String name) {
    return get(name) != null;
  }

  /** The values of every field named {@code name} (any case), in order; empty if none. */
  public List<String> values(String name) {
    List<String> result = null;
    String[] nv = namesAndValues;
    for (int i = 0; i < nv.length; i += 2) {
      if (sameName(nv[i], name)) {
        if (result == null) result = new ArrayList<>(2);
        result.add(nv[i + 1]);
      }
    }
    return result == null ? List.of() : Collections.unmodifiableList(result);
  }

  /**
   * The comma-separated list elements of every field named {@code name} (RFC 9110 §5.6.1), in
   * order, trimmed, with empty elements dropped. {@code Accept-Encoding: gzip, br} and two lines
   * {@code gzip} and {@code br} both give {@code [gzip, br]}. Commas inside quoted strings are
   * respected.
   */
  public List<String> elements(String name) {
    List<String> result = new ArrayList<>(2);
    String[] nv = namesAndValues;
    for (int i = 0; i < nv.length; i += 2) {
      if (sameName(nv[i], name)) Lists.split(nv[i + 1], result);
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * True if a field named {@code name} contains {@code token} as a list element, ignoring case:
   * {@code hasToken("Connection", "close")} is true for {@code Connection: keep-alive, Close}.
   */
  public boolean hasToken(String name, String token) {
    String[] nv = namesAndValues;
    for (int i = 0; i < nv.length; i += 2) {
      if (sameName(nv[i], name) && Lists.hasToken(nv[i + 1], token)) return true;
    }
    return false;
  }

  /** The distinct field names in order of first appearance, each in the case first seen. */
  public Set<String> names() {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      byLowerCase.putIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i]);
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(byLowerCase.values()));
  }

  /** A builder holding these fields, to derive modified headers. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.namesAndValues.addAll(Arrays.asList(namesAndValues));
    return builder;
  }

  /** Equal when both hold the same fields in the same order; names compare ignoring case. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Headers other) || other.namesAndValues.length != namesAndValues.length) {
      return false;
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i].equalsIgnoreCase(other.namesAndValues[i])
          || !namesAndValues[i + 1].equals(other.namesAndValues[i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      h = 31 * h + namesAndValues[i].toLowerCase(Locale.ROOT).hashCode();
      h = 31 * h + namesAndValues[i + 1].hashCode();
    }
    return h;
  }

  /** The fields as {@code Name: value} lines. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sb.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append('\n');
    }
    return sb.toString();
  }

  static boolean sameName(String a, String b) {
    // Common names from the codec are shared constants, so identity often decides.
    return a == b || (a.length() == b.length() && a.equalsIgnoreCase(b));
  }

  /** Builds {@link Headers}, validating each name and value as it is added. Not thread-safe. */
  public static final class Builder {
    private final List<String> namesAndValues = new ArrayList<>(16);

    private Builder() {}

    /**
     * Appends a field, keeping any existing fields with the same name. The value is trimmed of
     * surrounding spaces and tabs.
     *
     * @throws IllegalArgumentException if {@code name} is not a token, or {@code value} contains
     *     CR, LF, NUL, another control character (except HTAB) or a character above U+00FF
     */
    public Builder add(String name, String value) {
      namesAndValues.add(checkName(name));
      namesAndValues.add(checkValue(name, value));
      return this;
    }

    /** Appends every field of {@code headers}. */
    public Builder addAll(Headers headers) {
      namesAndValues.addAll(Arrays.asList(headers.namesAndValues));
      return this;
    }

    /**
     * Replaces every field named {@code name} (any case) with one field holding {@code value}.
     *
     * @throws IllegalArgumentException as {@link #add}
     */
    public Builder set(String name, String value) {
      checkName(name);
      String checked = checkValue(name, value);
      removeAll(name);
      namesAndValues.add(name);
      namesAndValues.add(checked);
      return this;
    }

    /** Removes every field named {@code name} (any case). */
    public Builder removeAll(String name) {
      for (int i = namesAndValues.size() - 2; i >= 0; i -= 2) {
        if (sameName(namesAndValues.get(i), name)) {
          namesAndValues.remove(i + 1);
          namesAndValues.remove(i);
        }
      }
      return this;
    }

    /** The value of the first field named {@code name} added so far, or null. */
    public String get(String name) {
      for (int i = 0; i < namesAndValues.size(); i += 2) {
        if (sameName(namesAndValues.get(i), name)) return namesAndValues.get(i + 1);
      }
      return null;
    }

    /** Immutable headers holding the fields added so far. The builder stays usable. */
    public Headers build() {
      return namesAndValues.isEmpty() ? EMPTY : new Headers(namesAndValues.toArray(new String[0]));
    }

    private static String checkName(String name) {
      if (!Syntax.isToken(name)) {
        throw new IllegalArgumentException("invalid header name: not a token: \"" + name + "\"");
      }
      return name;
    }

    private static String checkValue(String name, String value) {
      return Syntax.checkFieldValue(name, Syntax.trimOws(value));
    }
  }
}
