package io.groundwire.http.client.internal;

import io.groundwire.http.client.RedirectException;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;

/** Test access to the package-private redirect policy. */
public final class RedirectsAccess {
  private RedirectsAccess() {}

  public static Request next(Response response, boolean allowHttpsToHttp) throws RedirectException {
    return Redirects.next(response, allowHttpsToHttp);
  }
}
