package io.groundwire.cli.client;

import io.groundwire.cli.CommandFailure;
import io.groundwire.http.client.HttpClient;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.RequestBody;
import io.groundwire.http.client.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code groundwire http-client}: fetches URLs with curl's habits, through one client so that
 * several URLs to the same server share a kept-alive connection.
 */
@Command(name = "http-client", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fetches URLs with curl's habits.",
        "Bodies go to stdout one after another, through one client, so kept-alive connections are reused.",
        "Exit status 0 when every response arrived; otherwise one line on stderr and curl's exit code "
        + "(6 unknown host, 7 connection refused, 28 timeout, 35 TLS, 47 too many redirects, 52 empty reply, 56 receive failure)."})
public final class HttpClientCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "URL", description = "http:// or https:// URLs, fetched in order.")
  List<String> urls;

  @Option(names = {"-X", "--request"}, paramLabel = "METHOD", description = "Request method (default GET, or POST with -d).")
  String method;

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Extra header; repeatable. 'Name:' removes a default one"
      + " (User-Agent, Accept-Encoding, Content-Type; Host is always sent).")
  List<String> headers = new ArrayList<>();

  @Option(names = {"-d", "--data"}, paramLabel = "DATA", description = "POST this form data, or @FILE's contents without newlines; repeatable, joined with '&'.")
  List<String> data = new ArrayList<>();

  @Option(names = "--data-binary", paramLabel = "DATA", description = "POST DATA or @FILE exactly as it is (streamed from the file).")
  String dataBinary;

  @Option(names = {"-i", "--include"}, description = "Print the status line and headers before the body.")
  boolean include;

  @Option(names = {"-I", "--head"}, description = "Send HEAD and print the status line and headers.")
  boolean head;

  @Option(names = {"-L", "--location"}, description = "Follow redirects.")
  boolean location;

  @Option(names = "--max-redirs", paramLabel = "N", description = "Most redirects followed with -L (default ${DEFAULT-VALUE}).")
  int maxRedirs = 50;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the body to FILE instead of stdout; repeat for each URL.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = {"-m", "--max-time"}, paramLabel = "SECONDS", converter = CurlSeconds.class, description = "Deadline for each whole transfer (default: none, like curl;"
          + " the library's own default is 30s).")
  Duration maxTime;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", converter = CurlSeconds.class, description = "Time limit to connect (default 10).")
  Duration connectTimeout;

  @Option(names = "--cacert", paramLabel = "FILE", description = "Trust only the certificates in this PEM (or PKCS#12) file.")
  Path cacert;

  @Option(names = {"-k", "--insecure"}, description = "Accept any server certificate and host name (test servers only).")
  boolean insecure;

  @Option(names = {"-v", "--verbose"}, description = "Show the conversation on stderr ('> ' sent, '< ' received, '* ' notes).")
  boolean verbose;

  @Option(names = {"-s", "--silent"}, description = "Quiet mode (there is no progress meter to hide; errors are still reported).")
  boolean silent;

  @Option(names = {"-w", "--write-out"}, paramLabel = "FORMAT", description = "Print FORMAT after each transfer: %%{http_code} %%{num_connects} %%{size_download} %%{time_total} %%{url_effective} %%{stderr} %%{stdout}.")
  String writeOut;

  PrintStream stdout = System.out;
  PrintStream stderr = System.err;

  @Override
  public Integer call() throws IOException {
    Transcript transcript = new Transcript(stderr, verbose, include || head, stdout);
    HttpClient.Builder builder = HttpClient.builder()
        .followRedirects(location)
        .maxRedirects(maxRedirs)
        .callTimeout(maxTime == null ? Duration.ZERO : maxTime)
        .eventListener(transcript);
    if (removes("User-Agent")) {
      builder.userAgent(null);
    }
    if (removes("Accept-Encoding")) {
      builder.contentDecompression(false);
    }
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    if (cacert != null) {
      builder.trustCertificates(cacert, null);
    }
    if (insecure) {
      builder.insecureTrustAnyCertificate(true);
    }
    try (HttpClient client = builder.build()) {
      for (int i = 0; i < urls.size(); i++) {
        fetch(client, transcript, urls.get(i), i < outputs.size() ? outputs.get(i) : null);
      }
    }
    return 0;
  }

  private void fetch(HttpClient client, Transcript transcript, String url, Path output) throws IOException {
    Request request = request(url);
    transcript.startTransfer();
    long start = System.nanoTime();
    long size = 0;
    int code = 0;
    try (Response response = client.send(request)) {
      code = response.status();
      transcript.printHead(response);
      try (OutputStream out = output == null ? new NonClosing(stdout) : Files.newOutputStream(output)) {
        size = response.body().byteStream().transferTo(out);
      }
      transcript.bodyDone();
    } catch (IOException | RuntimeException e) {
      if (writeOut != null) {
        WriteOut.print(writeOut, transcript.transfer(code, size, System.nanoTime() - start, url), stdout, stderr);
      }
      throw ExitCodes.failure(e, request);
    }
    if (writeOut != null) {
      WriteOut.print(writeOut, transcript.transfer(code, size, System.nanoTime() - start, transcript.lastUrl()), stdout, stderr);
    }
  }

  private Request request(String url) {
    Request.Builder builder;
    try {
      builder = Request.builder(url);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("bad URL: " + e.getMessage(), 3);
    }
    RequestBody body = body();
    String name = method != null ? method : head ? "HEAD" : body != null ? "POST" : "GET";
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new CommandFailure("header must be 'Name: value': " + header, 2);
      }
      String value = header.substring(colon + 1).strip();
      if (value.isEmpty()) {
        builder.removeHeader(header.substring(0, colon).strip());
      } else {
        builder.addHeader(header.substring(0, colon).strip(), value);
      }
    }
    try {
      builder.method(name, body);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
    return builder.build();
  }

  /** True when {@code -H 'name:'} asks to drop a field the client would add. */
  private boolean removes(String name) {
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(colon + 1).isBlank() && header.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The file named by {@code @FILE}, or null when {@code value} is data (as curl reads it). */
  private static Path fileReference(String value) {
    if (!value.startsWith("@") || value.length() < 2) {
      return null;
    }
    return Path.of(value.substring(1));
  }

  private RequestBody body() {
    String form = removes("Content-Type") ? null : "application/x-www-form-urlencoded";
    if (dataBinary != null) {
      Path file = fileReference(dataBinary);
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new CommandFailure("no such file: " + file, 26);
        }
        return RequestBody.ofFile(file, form);
      }
      return RequestBody.of(dataBinary, form);
    }
    if (data.isEmpty()) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (String d : data) {
      if (!joined.isEmpty()) {
        joined.append('&');
      }
      Path file = fileReference(d);
      if (file != null) {
        try {
          // curl -d @FILE drops carriage returns and newlines
          joined.append(Files.readString(file).replace("\r", "").replace("\n", ""));
        } catch (IOException e) {
          throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), 26);
        }
      } else {
        joined.append(d);
      }
    }
    return RequestBody.of(joined.toString(), form);
  }

  /** Keeps stdout open when a body's stream is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
