package io.groundwire.benchmarks.peers;

import java.nio.file.Path;

/** Reads the {@code PORT [DIR]} arguments every peer main takes; the host is always loopback. */
final class Args {
  static final String HOST = "127.0.0.1";

  private Args() {}

  /** The port to listen on: the first argument, or {@code fallback} when there is none. */
  static int port(String[] args, int fallback) {
    return args.length > 0 ? Integer.parseInt(args[0]) : fallback;
  }

  /** The directory to serve: the second argument; fails when it is missing. */
  static Path root(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: PORT ROOT_DIRECTORY");
    }
    return Path.of(args[1]).toAbsolutePath().normalize();
  }

  /** Prints the one line run.sh waits for, then returns. */
  static void ready(String peer, int port) {
    System.out.println(peer + " listening on " + HOST + ":" + port);
    System.out.flush();
  }
}
