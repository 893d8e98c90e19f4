package io.groundwire.http.server;

/**
 * Answers one HTTP request by reading the {@link Request} and filling in the {@link Response}.
 *
 * <p>The response is sent after the handler returns (unless the handler streams it). A handler may
 * throw any exception: an {@link io.groundwire.http.HttpProtocolException} becomes its status, any
 * other exception becomes {@code 500 Internal Server Error} and a log line, unless a {@link Router}
 * maps it to another status.
 */
@FunctionalInterface
public interface Handler {
  /**
   * Handles one request.
   *
   * @throws Exception anything; the server turns it into an error response (see the type's doc)
   */
  void handle(Request request, Response response) throws Exception;
}
