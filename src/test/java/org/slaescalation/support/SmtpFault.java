package org.slaescalation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mail server as the service sees it, on a port of its own that never changes, in front of a real SMTP server
 * (GreenMail), which keeps every mail received across the faults. {@link #up()} forwards every connection to the
 * real server; {@link #silent()} accepts connections and never answers (nothing is read, nothing written, the
 * sockets stay open); {@link #down()} closes the port, so that connecting is refused, until the next {@link #up()} or
 * {@link #silent()} opens the same port again.
 */
public final class SmtpFault implements AutoCloseable {

  /** What the port does. */
  public enum Mode { UP, SILENT, DOWN }

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger acceptedWhileSilent = new AtomicInteger();
  private volatile Mode mode = Mode.DOWN;
  private ServerSocket server;

  private SmtpFault(int port, String targetHost, int targetPort) {
    this.port = port;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Listens on a free port and forwards to {@code targetHost:targetPort}. */
  public static SmtpFault inFrontOf(String targetHost, int targetPort) throws IOException {
    SmtpFault fault = new SmtpFault(ServiceNode.freePort(), targetHost, targetPort);
    fault.up();
    return fault;
  }

  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  /** Connections accepted in all, and those accepted while silent (each one a send that hung). */
  public int accepted() {
    return accepted.get();
  }

  public int acceptedWhileSilent() {
    return acceptedWhileSilent.get();
  }

  public synchronized void up() {
    closeConnections();
    mode = Mode.UP;
    listen();
  }

  public synchronized void silent() {
    closeConnections();
    mode = Mode.SILENT;
    listen();
  }

  /** Closes the port and every connection: connecting is refused. */
  public synchronized void down() {
    mode = Mode.DOWN;
    closeServer();
    closeConnections();
  }

  @Override
  public synchronized void close() {
    down();
  }

  private void listen() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      server = socket;
      Thread acceptor = new Thread(() -> accept(socket), "smtp-fault-accept-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port + " again", e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        accepted.incrementAndGet();
        open.add(client);
        if (mode == Mode.SILENT) {
          acceptedWhileSilent.incrementAndGet();
          continue;
        }
        Socket target = new Socket(targetHost, targetPort);
        open.add(target);
        pipe(client, target);
        pipe(target, client);
      } catch (IOException closedOrRefused) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException closed) {
        // one side went away
      } catch (IOException e) {
        // the same
      } finally {
        quietlyClose(from);
        quietlyClose(to);
        open.remove(from);
        open.remove(to);
      }
    }, "smtp-fault-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private void closeServer() {
    if (server != null) {
      quietlyClose(server);
      server = null;
    }
  }

  private void closeConnections() {
    for (Socket socket : open) {
      quietlyClose(socket);
    }
    open.clear();
  }

  private static void quietlyClose(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
