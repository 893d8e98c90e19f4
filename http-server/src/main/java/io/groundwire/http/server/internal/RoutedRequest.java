package io.groundwire.http.server.internal;

/** What the router needs from the server's own request type: the raw path and a place for parameters. */
public interface RoutedRequest {
  /** The path of the target, still percent-encoded. */
  String rawPath();

  /** Sets the parameters of the matched route as alternating names and values. */
  void pathParams(String[] namesAndValues);
}
