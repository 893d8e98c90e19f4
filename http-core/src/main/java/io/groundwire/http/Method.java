package io.groundwire.http;

import io.groundwire.http.internal.Syntax;

/**
 * An HTTP request method (RFC 9110 §9). An open set: any token is a method, and methods are
 * case-sensitive ({@code get} is not {@code GET}). The usual ones are constants, and {@link #of}
 * returns those constants so they can be compared with {@code ==} as well as {@code equals}.
 */
public final class Method {
  /** GET: transfer a current representation of the target resource. Safe and idempotent. */
  public static final Method GET = new Method("GET", true, true);
  /** HEAD: same as GET but without a response body. Safe and idempotent. */
  public static final Method HEAD = new Method("HEAD", true, true);
  /** POST: process the enclosed representation. Neither safe nor idempotent. */
  public static final Method POST = new Method("POST", false, false);
  /** PUT: replace the target resource. Idempotent. */
  public static final Method PUT = new Method("PUT", false, true);
  /** DELETE: remove the target resource. Idempotent. */
  public static final Method DELETE = new Method("DELETE", false, true);
  /** OPTIONS: describe the communication options. Safe and idempotent. */
  public static final Method OPTIONS = new Method("OPTIONS", true, true);
  /** PATCH (RFC 5789): apply partial modifications. Neither safe nor idempotent. */
  public static final Method PATCH = new Method("PATCH", false, false);
  /** TRACE: loop back the request. Safe and idempotent. */
  public static final Method TRACE = new Method("TRACE", true, true);
  /** CONNECT: establish a tunnel. Neither safe nor idempotent. */
  public static final Method CONNECT = new Method("CONNECT", false, false);

  private final String name;
  private final boolean safe;
  private final boolean idempotent;

  private Method(String name, boolean safe, boolean idempotent) {
    this.name = name;
    this.safe = safe;
    this.idempotent = idempotent;
  }

  /**
   * The method named {@code name}: one of the constants when it matches one exactly, otherwise a
   * new extension method (neither safe nor idempotent).
   *
   * @throws IllegalArgumentException if {@code name} is not a token (RFC 9110 §5.6.2)
   */
  public static Method of(String name) {
    Method known = known(name);
    if (known != null) return known;
    if (!Syntax.isToken(name)) {
      throw new IllegalArgumentException("invalid method name: not a token: \"" + name + "\"");
    }
    return new Method(name, false, false);
  }

  /** The constant whose name equals {@code name} exactly, or null. Does not allocate. */
  static Method known(String name) {
    return switch (name) {
      case "GET" -> GET;
      case "HEAD" -> HEAD;
      case "POST" -> POST;
      case "PUT" -> PUT;
      case "DELETE" -> DELETE;
      case "OPTIONS" -> OPTIONS;
      case "PATCH" -> PATCH;
      case "TRACE" -> TRACE;
      case "CONNECT" -> CONNECT;
      default -> null;
    };
  }

  /** The method's name as it appears on the wire, e.g. {@code "GET"}. */
  public String name() {
    return name;
  }

  /** True for methods defined as safe (read-only): GET, HEAD, OPTIONS, TRACE (RFC 9110 §9.2.1). */
  public boolean isSafe() {
    return safe;
  }

  /**
   * True for idempotent methods, which a client may retry automatically: the safe ones plus PUT and
   * DELETE (RFC 9110 §9.2.2).
   */
  public boolean isIdempotent() {
    return idempotent;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Method m && m.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The method's name. */
  @Override
  public String toString() {
    return name;
  }
}
