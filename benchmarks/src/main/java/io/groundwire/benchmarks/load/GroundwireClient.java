package io.groundwire.benchmarks.load;

import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import java.io.IOException;
import java.net.URI;

/** Our {@link HttpClient} for {@link ClientBench}, pooling as many idle connections as threads. */
final class GroundwireClient implements HttpClients.Client {
  private final HttpClient client;

  GroundwireClient(int threads) {
    client = HttpClient.builder().maxIdleConnections(Math.max(5, threads)).build();
  }

  @Override
  public int get(URI url) throws IOException {
    try (Response response = client.send(Request.get(url.toString()))) {
      byte[] body = response.body().bytes();
      if (response.status() != 200) {
        throw new IOException("status " + response.status());
      }
      return body.length;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
