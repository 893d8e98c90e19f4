package io.groundwire.benchmarks.peers;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The Jetty server both Jetty peers use: one loopback HTTP/1.1 connector, default thread pool. */
final class JettyServers {
  private JettyServers() {}

  static Server listening(int port) {
    Server server = new Server();
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(Args.HOST);
    connector.setPort(port);
    connector.setAcceptQueueSize(4096);
    // Jetty's default idle timeout (30 s) would close the idle benchmark's connections mid-run.
    connector.setIdleTimeout(300_000);
    server.addConnector(connector);
    return server;
  }
}
