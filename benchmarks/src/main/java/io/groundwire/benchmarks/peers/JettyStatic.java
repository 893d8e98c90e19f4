package io.groundwire.benchmarks.peers;

import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Jetty 12's {@code ResourceHandler} serving a directory with its defaults. */
public final class JettyStatic {
  private JettyStatic() {}

  /** Serves {@code ROOT} on {@code PORT} (arguments {@code PORT ROOT}) until killed. */
  public static void main(String[] args) throws Exception {
    int port = Args.port(args, 8087);
    Path root = Args.root(args);
    Server server = JettyServers.listening(port);
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(files).newResource(root));
    files.setDirAllowed(false);
    server.setHandler(files);
    server.start();
    Args.ready("jetty-static " + root, port);
    server.join();
  }
}
