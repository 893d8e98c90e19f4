package io.groundwire.it.echo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: two "machines" on one link, with addresses from
 * the benchmarking range 198.18.0.0/15 (RFC 2544) and a ULA IPv6 prefix (RFC 4193). Names are
 * unique per run; {@link #close()} removes both namespaces (and with them the veth pair).
 */
final class NetworkNamespaces implements AutoCloseable {
  static final String SERVER_IPV4 = "198.18.0.1";
  static final String CLIENT_IPV4 = "198.18.0.2";
  static final String SERVER_IPV6 = "fd00:6777::1";
  static final String CLIENT_IPV6 = "fd00:6777::2";

  final String server;
  final String client;
  private final List<String> created = new ArrayList<>();

  private NetworkNamespaces(String id) {
    this.server = "gw-echo-a-" + id;
    this.client = "gw-echo-b-" + id;
  }

  /** Creates the namespaces and the link; on any failure removes what it made and throws. */
  static NetworkNamespaces create() throws Exception {
    String id = Long.toString(ProcessHandle.current().pid(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    NetworkNamespaces namespaces = new NetworkNamespaces(id);
    try {
      namespaces.build("ga" + id, "gb" + id); // interface names must stay under 16 characters
      return namespaces;
    } catch (Exception | AssertionError e) {
      namespaces.close();
      throw e;
    }
  }

  private void build(String serverLink, String clientLink) throws Exception {
    ip("netns", "add", server);
    created.add(server);
    ip("netns", "add", client);
    created.add(client);
    ip("link", "add", serverLink, "type", "veth", "peer", "name", clientLink);
    ip("link", "set", serverLink, "netns", server);
    ip("link", "set", clientLink, "netns", client);
    configure(server, serverLink, SERVER_IPV4, SERVER_IPV6);
    configure(client, clientLink, CLIENT_IPV4, CLIENT_IPV6);
  }

  private static void configure(String namespace, String link, String ipv4, String ipv6) throws Exception {
    ip("-n", namespace, "addr", "add", ipv4 + "/24", "dev", link);
    // nodad: usable at once, without waiting for duplicate address detection
    ip("-n", namespace, "addr", "add", ipv6 + "/64", "dev", link, "nodad");
    ip("-n", namespace, "link", "set", "lo", "up");
    ip("-n", namespace, "link", "set", link, "up");
  }

  /** The prefix that runs a command inside {@code namespace}. */
  static List<String> exec(String namespace) {
    return List.of("ip", "netns", "exec", namespace);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    boolean interrupted = false;
    for (String namespace : created.reversed()) {
      try {
        ip("netns", "del", namespace);
      } catch (IOException | AssertionError e) {
        if (first == null) {
          first = new IOException("could not remove network namespace " + namespace, e);
        }
      } catch (InterruptedException e) {
        // keep removing the others; the interrupt is restored below
        interrupted = true;
        first = first != null ? first : new IOException("interrupted while removing network namespace " + namespace, e);
      }
    }
    created.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first != null) {
      throw first;
    }
  }

  private static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("ip");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
    }
  }
}
