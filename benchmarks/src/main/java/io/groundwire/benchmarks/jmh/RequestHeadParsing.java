package io.groundwire.benchmarks.jmh;

import io.groundwire.http.codec.RequestHead;
import io.groundwire.http.codec.RequestHeadReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parses a request head with http-core's {@link RequestHeadReader}: a typical browser navigation
 * (Chromium's 16 fields, ~800 bytes, cookies included) and a minimal {@code curl} request.
 * Each operation copies the bytes into a fresh Okio buffer, as a server reading a socket would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestHeadParsing {
  private static final String BROWSER = """
      GET /articles/2024/networking-from-the-socket-up?ref=home&lang=en HTTP/1.1\r
      Host: www.example.com\r
      Connection: keep-alive\r
      sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"\r
      sec-ch-ua-mobile: ?0\r
      sec-ch-ua-platform: "Linux"\r
      Upgrade-Insecure-Requests: 1\r
      User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r
      Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r
      Sec-Fetch-Site: same-origin\r
      Sec-Fetch-Mode: navigate\r
      Sec-Fetch-User: ?1\r
      Sec-Fetch-Dest: document\r
      Referer: https://www.example.com/\r
      Accept-Encoding: gzip, deflate, br, zstd\r
      Accept-Language: en-GB,en-US;q=0.9,en;q=0.8\r
      Cookie: session=8f2a61c4e9b07d35a1c2e3f4; theme=dark; _ga=GA1.2.1234567890.1700000000\r
      \r
      """;
  private static final String CURL = """
      GET / HTTP/1.1\r
      Host: 127.0.0.1:8080\r
      User-Agent: curl/7.88.1\r
      Accept: */*\r
      \r
      """;

  @Param({"browser", "curl"})
  public String head;

  private byte[] bytes;
  private final RequestHeadReader reader = new RequestHeadReader();

  @Setup
  public void setUp() throws IOException {
    bytes = (head.equals("browser") ? BROWSER : CURL).getBytes(StandardCharsets.ISO_8859_1);
    if (parse() == null) {
      throw new IllegalStateException("the " + head + " head did not parse");
    }
  }

  @Benchmark
  public RequestHead parse() throws IOException {
    Buffer buffer = new Buffer();
    buffer.write(bytes);
    return reader.read(buffer);
  }
}
