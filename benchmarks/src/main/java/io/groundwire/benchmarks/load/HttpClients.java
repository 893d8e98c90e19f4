package io.groundwire.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The HTTP client libraries {@link ClientBench} compares, each configured to pool enough connections. */
final class HttpClients {
  static final List<String> NAMES = List.of("groundwire", "okhttp", "apache", "jdk");

  private HttpClients() {}

  /** One client: {@link #get} sends a GET, reads the whole body and returns its length. */
  interface Client extends AutoCloseable {
    int get(URI url) throws Exception;

    @Override
    void close() throws Exception;
  }

  static Client create(String name, int threads) {
    return switch (name) {
      case "groundwire" -> new GroundwireClient(threads);
      case "okhttp" -> okhttp(threads);
      case "apache" -> apache(threads);
      case "jdk" -> jdk();
      default -> throw new IllegalArgumentException("unknown client " + name + "; one of " + NAMES);
    };
  }

  private static int checked(int status, int length) throws IOException {
    if (status != 200) {
      throw new IOException("status " + status);
    }
    return length;
  }

  /** OkHttp 5: its default pool keeps only 5 idle connections, too few for 64 threads. */
  private static Client okhttp(int threads) {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
        .connectionPool(new okhttp3.ConnectionPool(Math.max(5, threads), 5, TimeUnit.MINUTES))
        .build();
    return new Client() {
      @Override
      public int get(URI url) throws IOException {
        okhttp3.Request request = new okhttp3.Request.Builder().url(url.toString()).build();
        try (okhttp3.Response response = client.newCall(request).execute()) {
          return checked(response.code(), response.body().bytes().length);
        }
      }

      @Override
      public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
    };
  }

  /** Apache HttpClient 5 classic: the pool allows only 5 connections per route by default. */
  private static Client apache(int threads) {
    var pool = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(Math.max(threads, 5))
        .setMaxConnPerRoute(Math.max(threads, 5))
        .build();
    org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
        org.apache.hc.client5.http.impl.classic.HttpClients.custom().setConnectionManager(pool).build();
    return new Client() {
      @Override
      public int get(URI url) throws IOException {
        var request = new org.apache.hc.client5.http.classic.methods.HttpGet(url);
        return client.execute(request, response -> {
          byte[] body = org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(response.getEntity());
          return checked(response.getCode(), body.length);
        });
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }

  /** The JDK's {@code java.net.http.HttpClient}, forced to HTTP/1.1 (its pool is unbounded). */
  private static Client jdk() {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    return new Client() {
      @Override
      public int get(URI url) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(url).GET().build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          return checked(response.statusCode(), body.readAllBytes().length);
        }
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
