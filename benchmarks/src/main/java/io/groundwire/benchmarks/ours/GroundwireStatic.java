package io.groundwire.benchmarks.ours;

import io.groundwire.http.server.HttpServer;
import io.groundwire.http.server.staticfiles.StaticFiles;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Our {@link StaticFiles} with its defaults serving a directory at {@code /}. */
public final class GroundwireStatic {
  private GroundwireStatic() {}

  /** Serves ROOT on PORT (arguments {@code PORT ROOT}) until killed. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PORT ROOT_DIRECTORY");
    }
    Path root = Path.of(args[1]).toAbsolutePath().normalize();
    HttpServer server = HttpServer.builder()
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(Integer.parseInt(args[0]))
        .handler(StaticFiles.root(root).build())
        .start();
    System.out.println("groundwire-static " + root + " listening on 127.0.0.1:" + server.port());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }
}
