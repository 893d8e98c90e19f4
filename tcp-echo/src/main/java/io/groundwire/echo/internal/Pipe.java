package io.groundwire.echo.internal;

import io.groundwire.echo.EchoClientOptions;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Streams an input through the server into an output: a writer thread sends the input and
 * half-closes at its end; the calling thread copies echoes to the output until every byte sent is
 * back. The writer is a daemon, because an input like stdin cannot be interrupted: when the server
 * ends first, the call returns without waiting for the input.
 */
public final class Pipe {
  private final Socket socket;
  private final String target;
  private final EchoClientOptions options;
  private final Object lock = new Object();
  private long sent;
  private long received;
  private boolean inputEnded;
  private IOException inputFailure;
  /** Read timeouts passed while no echo was owed; written by the reading thread only. */
  private volatile long quietTimeouts;

  /** A pipe over a connected socket whose read timeout is already set. */
  public Pipe(Socket socket, String target, EchoClientOptions options) {
    this.socket = socket;
    this.target = target;
    this.options = options;
  }

  /** Runs the pipe; returns the number of bytes echoed. */
  public long run(InputStream in, OutputStream out) throws IOException {
    InputStream echoes = socket.getInputStream();
    Thread.ofVirtual().name("echo-pipe-writer").start(() -> send(in));
    byte[] buffer = new byte[options.bufferSize()];
    while (true) {
      int read;
      try {
        read = echoes.read(buffer);
      } catch (java.net.SocketException e) {
        if (socket.isInputShutdown()) {
          break;
        }
        throw new java.net.SocketException("connection to " + target + " failed: " + e.getMessage(), e);
      } catch (SocketTimeoutException e) {
        if (owed() > 0) {
          SocketTimeoutException timeout = new SocketTimeoutException("no echo from " + target + " within "
              + Durations.format(options.readTimeout()) + " (" + owed() + " bytes still owed)");
          timeout.initCause(e);
          throw timeout;
        }
        quietTimeouts++;
        continue; // nothing owed: an interactive user is just thinking
      }
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      out.flush();
      synchronized (lock) {
        received += read;
        if (inputEnded && received >= sent) {
          break;
        }
      }
    }
    synchronized (lock) {
      if (inputFailure != null) {
        throw inputFailure;
      }
      if (!inputEnded || received < sent) {
        throw new EOFException("server " + target + " closed the connection after echoing "
            + received + " of " + sent + " bytes sent" + (inputEnded ? "" : " (input not finished)"));
      }
      if (received > sent) {
        throw new IOException("server " + target + " sent " + received + " bytes back for " + sent + " sent");
      }
      return received;
    }
  }

  /** How many read timeouts passed while nothing was owed, each one ignored: lets a test see a pause. */
  long quietTimeouts() {
    return quietTimeouts;
  }

  private long owed() {
    synchronized (lock) {
      return sent - received;
    }
  }

  private void send(InputStream in) {
    byte[] buffer = new byte[options.bufferSize()];
    try {
      OutputStream toServer = socket.getOutputStream();
      int read;
      while ((read = readInput(in, buffer)) >= 0) {
        if (read == 0) {
          continue;
        }
        toServer.write(buffer, 0, read);
        toServer.flush();
        synchronized (lock) {
          sent += read;
        }
      }
      boolean allBack;
      synchronized (lock) {
        // Set before the half-close, so the reader knows the input ended when the server closes.
        inputEnded = true;
        allBack = received >= sent;
      }
      socket.shutdownOutput();
      if (allBack) {
        // Everything is back already: wake the reader even if the server never closes.
        shutdownInputQuietly();
      }
    } catch (InputFailure e) {
      synchronized (lock) {
        inputFailure = e.getCause();
      }
      shutdownInputQuietly(); // the reader must not wait for echoes of bytes never sent
    } catch (IOException e) {
      // Sending failed: the server closed or reset the connection; the reader reports it.
      shutdownInputQuietly();
    }
  }

  private int readInput(InputStream in, byte[] buffer) throws InputFailure {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new InputFailure(e);
    }
  }

  private void shutdownInputQuietly() {
    try {
      socket.shutdownInput();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** Reading the input (not the socket) failed. */
  private static final class InputFailure extends Exception {
    private static final long serialVersionUID = 1L;

    InputFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
