package io.groundwire.http.client.internal;

import io.groundwire.http.client.CallTimeoutException;
import io.groundwire.http.client.ConnectTimeoutException;
import io.groundwire.http.client.EventListener;
import io.groundwire.http.client.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens new connections: resolves the host, tries each address in turn within the connect timeout
 * (and the call's remaining time), then for https performs the TLS handshake with SNI and, always,
 * hostname verification ({@code HTTPS} endpoint identification) unless the client was explicitly
 * made insecure.
 */
final class Connector {
  private final ClientConfig config;
  private final Watchdog watchdog;
  private volatile SSLSocketFactory sslSocketFactory;
  private final long readTimeoutNanos;
  private final long writeTimeoutNanos;

  Connector(ClientConfig config, Watchdog watchdog) {
    this.config = config;
    this.watchdog = watchdog;
    this.readTimeoutNanos = ClientConfig.nanos(config.readTimeout());
    this.writeTimeoutNanos = ClientConfig.nanos(config.writeTimeout());
  }

  RealConnection connect(Address address, Request request, Deadline deadline) throws IOException {
    EventListener listener = config.eventListener();
    InetAddress[] candidates = InetAddress.getAllByName(address.host());
    IOException failure = null;
    for (InetAddress candidate : candidates) {
      InetSocketAddress target = new InetSocketAddress(candidate, address.port());
      listener.connectStart(request, target);
      try {
        RealConnection connection = connectTo(address, target, request, deadline);
        listener.connectEnd(request, target);
        return connection;
      } catch (IOException e) {
        listener.connectFailed(request, target, e);
        if (e instanceof CallTimeoutException) {
          throw e;
        }
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    throw failure;
  }

  private RealConnection connectTo(Address address, InetSocketAddress target, Request request, Deadline deadline)
      throws IOException {
    long start = System.nanoTime();
    long connectNanos = ClientConfig.nanos(config.connectTimeout());
    long remaining = deadline.remainingNanos();
    boolean deadlineLimits = remaining >= 0 && (connectNanos == 0 || remaining < connectNanos);
    long limitNanos = deadlineLimits ? remaining : connectNanos;
    int timeoutMillis = deadlineLimits
        ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000))
        : ClientConfig.millis(config.connectTimeout());
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(target, timeoutMillis);
      if (address.https()) {
        socket = handshake(socket, address, request, timeoutMillis, limitNanos == 0 ? 0 : start + limitNanos);
      }
      return new RealConnection(address, socket, readTimeoutNanos, writeTimeoutNanos);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      String what = address.https() ? "connect (TCP and TLS) to " : "connect to ";
      if (deadlineLimits) {
        throw new CallTimeoutException("call timed out during " + what + target, e);
      }
      throw new ConnectTimeoutException(what + target + " timed out after " + timeoutMillis + " ms", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /**
   * Runs the TLS handshake. {@code timeoutMillis} bounds each read; the watchdog closes the socket
   * at {@code endNanos} (0 for none), which bounds a handshake dribbled out a byte at a time.
   */
  private Socket handshake(Socket tcp, Address address, Request request, int timeoutMillis, long endNanos)
      throws IOException {
    config.eventListener().secureConnectStart(request);
    SSLSocket tls = (SSLSocket) sslSocketFactory().createSocket(tcp, address.host(), address.port(), true);
    Watchdog.Setup setup = endNanos == 0 ? null : watchdog.watchSetup(tcp, endNanos);
    try {
      SSLParameters parameters = tls.getSSLParameters();
      if (!config.insecure()) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      if (isHostname(address.host())) {
        parameters.setServerNames(List.of(new SNIHostName(address.host())));
      }
      parameters.setApplicationProtocols(new String[] {"http/1.1"});
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(timeoutMillis);
      tls.startHandshake();
    } catch (IOException | RuntimeException e) {
      closeQuietly(tls);
      if (setup != null && setup.expired()) {
        throw (SocketTimeoutException) new SocketTimeoutException("TLS handshake not finished in time").initCause(e);
      }
      throw e;
    } finally {
      if (setup != null) {
        setup.close();
      }
    }
    if (setup != null && !setup.finish()) { // the deadline closed the socket as the handshake ended
      closeQuietly(tls);
      throw new SocketTimeoutException("TLS handshake not finished in time");
    }
    config.eventListener().secureConnectEnd(request, tls.getSession().getProtocol());
    return tls;
  }

  /** Loads the TLS context on first use: plain-http clients never pay for reading the CA store. */
  private SSLSocketFactory sslSocketFactory() {
    SSLSocketFactory factory = sslSocketFactory;
    if (factory == null) {
      factory = (config.sslContext() != null ? config.sslContext() : TlsContexts.system()).getSocketFactory();
      sslSocketFactory = factory;
    }
    return factory;
  }

  private static boolean isHostname(String host) {
    if (host.indexOf(':') >= 0) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return !host.endsWith(".");
      }
    }
    return false; // an IPv4 literal: SNI must not carry it (RFC 6066 §3)
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already failing
    }
  }
}
