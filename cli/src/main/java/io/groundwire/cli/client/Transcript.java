package io.groundwire.cli.client;

import io.groundwire.http.Headers;
import io.groundwire.http.IpLiterals;
import io.groundwire.http.client.EventListener;
import io.groundwire.http.client.Request;
import io.groundwire.http.client.Response;
import java.io.PrintStream;
import java.net.InetSocketAddress;

/**
 * Follows the client's events for the command: counts connections and redirects for {@code -w},
 * writes the conversation on stderr for {@code -v} the way curl does, and prints response heads
 * (including those of followed redirects) for {@code -i}.
 */
final class Transcript implements EventListener {
  private final PrintStream err;
  private final boolean verbose;
  private final boolean include;
  private final PrintStream out;
  private int connects;
  private int redirects;
  private String lastUrl;

  Transcript(PrintStream err, boolean verbose, boolean include, PrintStream out) {
    this.err = err;
    this.verbose = verbose;
    this.include = include;
    this.out = out;
  }

  void startTransfer() {
    connects = 0;
    redirects = 0;
  }

  WriteOut.Transfer transfer(int code, long size, long nanos, String url) {
    return new WriteOut.Transfer(code, connects, size, nanos, url, redirects);
  }

  String lastUrl() {
    return lastUrl;
  }

  @Override
  public void connectStart(Request request, InetSocketAddress address) {
    note("Trying " + IpLiterals.hostPort(address) + "...");
  }

  @Override
  public void connectEnd(Request request, InetSocketAddress address) {
    connects++;
    note("Connected to " + request.url().host() + " (" + IpLiterals.format(address.getAddress()) + ") port "
        + address.getPort());
  }

  @Override
  public void secureConnectEnd(Request request, String protocol) {
    note("TLS connection using " + protocol);
  }

  @Override
  public void connectionAcquired(Request request, boolean reused) {
    if (reused) {
      note("Re-using existing connection with host " + request.url().host());
    }
  }

  @Override
  public void requestHeadersSent(Request request, String head) {
    lastUrl = request.url().toString();
    if (!verbose) {
      return;
    }
    StringBuilder s = new StringBuilder();
    for (String line : head.split("\r\n", -1)) {
      if (s.length() > 0 && line.isEmpty()) {
        s.append(">\n");
        break; // the empty line ends the head
      }
      s.append("> ").append(line).append('\n');
    }
    err.print(s);
    err.flush();
  }

  @Override
  public void requestBodySent(Request request, long bytes) {
    note("upload completely sent off: " + bytes + " bytes");
  }

  @Override
  public void responseHeadersReceived(Request request, Response response) {
    if (verbose) {
      StringBuilder s = new StringBuilder();
      s.append("< ").append(statusLine(response)).append('\n');
      Headers headers = response.headers();
      for (int i = 0; i < headers.size(); i++) {
        s.append("< ").append(headers.name(i)).append(": ").append(headers.value(i)).append('\n');
      }
      s.append("<\n");
      err.print(s);
      err.flush();
    }
  }

  @Override
  public void redirect(Response response, Request next) {
    redirects++;
    printHead(response);
    note("Following redirect to " + next.url());
  }

  @Override
  public void retry(Request request, java.io.IOException cause) {
    note("Connection died, retrying a fresh connect: " + cause.getMessage());
  }

  /** For {@code -i}/{@code -I}: the status line and headers on stdout, with CRLF like curl. */
  void printHead(Response response) {
    if (!include) {
      return;
    }
    StringBuilder s = new StringBuilder(statusLine(response)).append("\r\n");
    Headers headers = response.headers();
    for (int i = 0; i < headers.size(); i++) {
      s.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
    }
    s.append("\r\n");
    out.print(s);
    out.flush();
  }

  void bodyDone() {
    out.flush();
  }

  private static String statusLine(Response response) {
    return response.version() + " " + response.status() + (response.reason().isEmpty() ? "" : " " + response.reason());
  }

  private void note(String text) {
    if (verbose) {
      err.println("* " + text);
      err.flush();
    }
  }
}
