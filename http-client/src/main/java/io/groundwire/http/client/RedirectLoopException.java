package io.groundwire.http.client;

/** A redirect pointed back to a URL already visited in this call with the same method. */
public class RedirectLoopException extends RedirectException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public RedirectLoopException(String message) {
    super(message);
  }
}
