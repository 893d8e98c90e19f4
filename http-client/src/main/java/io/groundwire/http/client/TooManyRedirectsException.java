package io.groundwire.http.client;

/** More redirects than the client's limit (default 20) were followed. */
public class TooManyRedirectsException extends RedirectException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public TooManyRedirectsException(String message) {
    super(message);
  }
}
