package io.groundwire.http;

import io.groundwire.http.internal.Syntax;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A media type such as {@code text/html; charset=utf-8} (RFC 9110 §8.3.1). Type, subtype and
 * parameter names are case-insensitive and kept in lower case; parameter values keep their case.
 * Immutable.
 */
public final class MediaType {
  /** {@code text/plain; charset=utf-8}. */
  public static final MediaType TEXT_PLAIN_UTF_8 = of("text", "plain").withCharset(StandardCharsets.UTF_8);
  /** {@code text/html; charset=utf-8}. */
  public static final MediaType TEXT_HTML_UTF_8 = of("text", "html").withCharset(StandardCharsets.UTF_8);
  /** {@code application/json}. */
  public static final MediaType APPLICATION_JSON = of("application", "json");
  /** {@code application/octet-stream}. */
  public static final MediaType APPLICATION_OCTET_STREAM = of("application", "octet-stream");
  /** {@code application/x-www-form-urlencoded}. */
  public static final MediaType APPLICATION_FORM_URLENCODED =
      of("application", "x-www-form-urlencoded");
  /** {@code multipart/form-data} (a real one needs a {@code boundary} parameter). */
  public static final MediaType MULTIPART_FORM_DATA = of("multipart", "form-data");
  /** {@code multipart/byteranges} (a real one needs a {@code boundary} parameter). */
  public static final MediaType MULTIPART_BYTERANGES = of("multipart", "byteranges");

  private final String type;
  private final String subtype;
  private final List<String> parameters; // name0, value0, ...

  private MediaType(String type, String subtype, List<String> parameters) {
    this.type = type;
    this.subtype = subtype;
    this.parameters = parameters;
  }

  /**
   * The media type {@code type/subtype} without parameters.
   *
   * @throws IllegalArgumentException if either part is not a token
   */
  public static MediaType of(String type, String subtype) {
    if (!Syntax.isToken(type) || !Syntax.isToken(subtype)) {
      throw new IllegalArgumentException("invalid media type: " + type + "/" + subtype);
    }
    return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * Parses a {@code Content-Type} style value: {@code type/subtype *( OWS ";" OWS name=value )},
   * where a value is a token or a quoted string.
   *
   * @throws IllegalArgumentException if {@code text} is not a valid media type
   */
  public static MediaType parse(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && Syntax.isOws(text.charAt(i))) i++;
    int typeStart = i;
    while (i < n && text.charAt(i) < 0x100 && Syntax.isTchar(text.charAt(i))) i++;
    if (i == typeStart || i >= n || text.charAt(i) != '/') throw invalid(text);
    String type = text.substring(typeStart, i++).toLowerCase(Locale.ROOT);
    int subStart = i;
    while (i < n && text.charAt(i) < 0x100 && Syntax.isTchar(text.charAt(i))) i++;
    if (i == subStart) throw invalid(text);
    String subtype = text.substring(subStart, i).toLowerCase(Locale.ROOT);
    List<String> params = new ArrayList<>(2);
    while (true) {
      while (i < n && Syntax.isOws(text.charAt(i))) i++;
      if (i == n) break;
      if (text.charAt(i++) != ';') throw invalid(text);
      while (i < n && Syntax.isOws(text.charAt(i))) i++;
      if (i == n || text.charAt(i) == ';') continue; // RFC 9110 §5.6.6: empty parameters allowed
      int nameStart = i;
      while (i < n && text.charAt(i) < 0x100 && Syntax.isTchar(text.charAt(i))) i++;
      if (i == nameStart || i >= n || text.charAt(i) != '=') throw invalid(text);
      String name = text.substring(nameStart, i++).toLowerCase(Locale.ROOT);
      String value;
      if (i < n && text.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) throw invalid(text);
          char c = text.charAt(i++);
          if (c == '"') break;
          if (c == '\\') {
            if (i >= n) throw invalid(text);
            c = text.charAt(i++);
          }
          if (c > 0xff || (c < 0x20 && c != '\t') || c == 0x7f) throw invalid(text);
          sb.append(c);
        }
        value = sb.toString();
      } else {
        int valueStart = i;
        while (i < n && text.charAt(i) < 0x100 && Syntax.isTchar(text.charAt(i))) i++;
        if (i == valueStart) throw invalid(text);
        value = text.substring(valueStart, i);
      }
      params.add(name);
      params.add(value);
    }
    return new MediaType(type, subtype, Collections.unmodifiableList(params));
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid media type: \"" + text + "\"");
  }

  /** The top-level type in lower case, e.g. {@code "text"}. */
  public String type() {
    return type;
  }

  /** The subtype in lower case, e.g. {@code "html"}. */
  public String subtype() {
    return subtype;
  }

  /** {@code type/subtype} without parameters, e.g. {@code "text/html"}. */
  public String essence() {
    return type + "/" + subtype;
  }

  /** The value of parameter {@code name} (any case), or null. */
  public String parameter(String name) {
    for (int i = 0; i < parameters.size(); i += 2) {
      if (parameters.get(i).equalsIgnoreCase(name)) return parameters.get(i + 1);
    }
    return null;
  }

  /**
   * The {@code charset} parameter as a {@link Charset}, or {@code defaultCharset} when there is
   * none or the JVM does not know it.
   */
  public Charset charset(Charset defaultCharset) {
    String name = parameter("charset");
    if (name == null) return defaultCharset;
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return defaultCharset;
    }
  }

  /** This media type with its {@code charset} parameter set to {@code charset} (lower case name). */
  public MediaType withCharset(Charset charset) {
    return withParameter("charset", charset.name().toLowerCase(Locale.ROOT));
  }

  /**
   * This media type with parameter {@code name} replaced by (or added as) {@code value}.
   *
   * @throws IllegalArgumentException if {@code name} is not a token or {@code value} has control
   *     characters
   */
  public MediaType withParameter(String name, String value) {
    if (!Syntax.isToken(name) || Syntax.invalidFieldValueIndex(value) >= 0) {
      throw new IllegalArgumentException("invalid media type parameter " + name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> params = new ArrayList<>(parameters.size() + 2);
    for (int i = 0; i < parameters.size(); i += 2) {
      if (!parameters.get(i).equals(lower)) {
        params.add(parameters.get(i));
        params.add(parameters.get(i + 1));
      }
    }
    params.add(lower);
    params.add(value);
    return new MediaType(type, subtype, Collections.unmodifiableList(params));
  }

  /** This media type without any parameters. */
  public MediaType withoutParameters() {
    return parameters.isEmpty() ? this : new MediaType(type, subtype, List.of());
  }

  /** True if type and subtype equal {@code other}'s, ignoring parameters. */
  public boolean sameEssence(MediaType other) {
    return type.equals(other.type) && subtype.equals(other.subtype);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaType m
        && m.type.equals(type)
        && m.subtype.equals(subtype)
        && m.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, subtype, parameters);
  }

  /** The media type as a header value, e.g. {@code text/html; charset=utf-8}, quoting as needed. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type).append('/').append(subtype);
    for (int i = 0; i < parameters.size(); i += 2) {
      sb.append("; ").append(parameters.get(i)).append('=');
      String value = parameters.get(i + 1);
      if (Syntax.isToken(value)) {
        sb.append(value);
      } else {
        sb.append('"');
        for (int j = 0; j < value.length(); j++) {
          char c = value.charAt(j);
          if (c == '"' || c == '\\') sb.append('\\');
          sb.append(c);
        }
        sb.append('"');
      }
    }
    return sb.toString();
  }
}
