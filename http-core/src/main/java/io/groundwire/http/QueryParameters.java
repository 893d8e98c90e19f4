package io.groundwire.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered multimap of decoded names to values, as found in a query string
 * ({@code ?a=1&b=2&a=3}) or an {@code application/x-www-form-urlencoded} body. Names are
 * case-sensitive; repeated names keep every value in order.
 */
public final class QueryParameters {
  /** No parameters. */
  public static final QueryParameters EMPTY = new QueryParameters(List.of());

  private final List<String> namesAndValues;

  private QueryParameters(List<String> namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /**
   * Parses a raw query (without the leading {@code ?}); null or empty gives {@link #EMPTY}. Same
   * rules as {@link FormUrlEncoded#decode(String)}.
   *
   * @throws IllegalArgumentException for a malformed percent-escape or invalid UTF-8
   */
  public static QueryParameters parse(String rawQuery) {
    return rawQuery == null ? EMPTY : FormUrlEncoded.decode(rawQuery);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of name/value pairs. */
  public int size() {
    return namesAndValues.size() / 2;
  }

  /** True if there are no pairs. */
  public boolean isEmpty() {
    return namesAndValues.isEmpty();
  }

  /** The name of pair {@code i}. */
  public String name(int i) {
    return namesAndValues.get(i * 2);
  }

  /** The value of pair {@code i} (empty for {@code ?flag} and {@code ?flag=}). */
  public String value(int i) {
    return namesAndValues.get(i * 2 + 1);
  }

  /** The first value of {@code name}, or null if absent. */
  public String get(String name) {
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equals(name)) return namesAndValues.get(i + 1);
    }
    return null;
  }

  /** Every value of {@code name} in order; empty if absent. */
  public List<String> values(String name) {
    List<String> result = new ArrayList<>(1);
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equals(name)) result.add(namesAndValues.get(i + 1));
    }
    return Collections.unmodifiableList(result);
  }

  /** True if {@code name} occurs at least once. */
  public boolean contains(String name) {
    return get(name) != null;
  }

  /** The distinct names in order of first appearance. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < namesAndValues.size(); i += 2) names.add(namesAndValues.get(i));
    return Collections.unmodifiableSet(names);
  }

  /** Form-encodes the pairs, e.g. {@code a=1&b=x+y}; see {@link FormUrlEncoded#encode}. */
  public String encode() {
    return FormUrlEncoded.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryParameters q && q.namesAndValues.equals(namesAndValues);
  }

  @Override
  public int hashCode() {
    return namesAndValues.hashCode();
  }

  /** The form-encoded pairs. */
  @Override
  public String toString() {
    return encode();
  }

  /** Builds {@link QueryParameters}. Not thread-safe. */
  public static final class Builder {
    private final List<String> namesAndValues = new ArrayList<>();

    private Builder() {}

    /** Appends a decoded name and value (both non-null). */
    public Builder add(String name, String value) {
      namesAndValues.add(Objects.requireNonNull(name, "name"));
      namesAndValues.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The parameters added so far. The builder stays usable. */
    public QueryParameters build() {
      return namesAndValues.isEmpty()
          ? EMPTY
          : new QueryParameters(Collections.unmodifiableList(new ArrayList<>(namesAndValues)));
    }
  }
}
