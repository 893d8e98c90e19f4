package io.groundwire.http.internal;

import io.groundwire.http.Headers;
import java.util.function.Function;

/**
 * Lets the codec build {@link Headers} from fields it has already validated byte by byte, without
 * validating them a second time. Not part of the public API.
 */
public final class Trusted {
  private static volatile Function<String[], Headers> headersFactory;

  private Trusted() {}

  /**
   * Called once by {@link Headers}' static initializer.
   *
   * @throws IllegalStateException if a factory is already registered
   */
  public static synchronized void registerHeaders(Function<String[], Headers> factory) {
    if (headersFactory != null) throw new IllegalStateException("already registered");
    headersFactory = factory;
  }

  /**
   * Headers over {@code namesAndValues} (alternating, already validated and trimmed), which the
   * caller must not modify afterwards.
   */
  public static Headers headers(String[] namesAndValues) {
    Headers empty = Headers.EMPTY; // initializes Headers, which registers the factory
    if (namesAndValues.length == 0) return empty;
    return headersFactory.apply(namesAndValues);
  }
}
