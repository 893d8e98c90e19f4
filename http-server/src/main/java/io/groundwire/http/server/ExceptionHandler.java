package io.groundwire.http.server;

/**
 * Turns an exception thrown by a handler into a response, registered with {@link
 * Router.Builder#exception(Class, ExceptionHandler)}.
 *
 * @param <T> the exception type it handles
 */
@FunctionalInterface
public interface ExceptionHandler<T extends Exception> {
  /**
   * Fills in {@code response} for {@code exception}.
   *
   * @throws Exception when it fails too; the server then answers 500
   */
  void handle(T exception, Request request, Response response) throws Exception;
}
