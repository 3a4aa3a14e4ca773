package org.slaescalation.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The longest one SMTP connection may last, from connecting to the last answer: the socket is closed when the deadline
 * passes, which fails the send (and so the mail's job, which retries it) however slowly the server dribbles its
 * answers. Jakarta Mail's own timeouts ({@code mail.smtp.connectiontimeout}, {@code .timeout}, {@code .writetimeout})
 * bound each step only, and a send takes a dozen steps: without a total, a server that answers each command just
 * before the read timeout keeps a job (and its database connection) for minutes, longer than the job's lock, so that
 * another node would run it a second time.
 *
 * <p>Applied through the socket factory of both SMTP protocols: {@code mail.smtp.socketFactory} for plain SMTP and
 * STARTTLS, whose TLS layer sits on this socket, and {@code mail.smtps.socketFactory} for SMTPS, on which Jakarta
 * Mail layers TLS the same way ({@code MailTimeoutsTest} covers both).
 */
final class SendDeadline extends SocketFactory {

  private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "smtp-send-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final Duration deadline;

  SendDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("escalation.mail.send-timeout must be positive, not " + deadline);
    }
    this.deadline = deadline;
  }

  /** Makes every connection of {@code sender} close after {@code deadline}. Call before its first send. */
  static void apply(JavaMailSenderImpl sender, Duration deadline) {
    SendDeadline factory = new SendDeadline(deadline);
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.socketFactory", factory);
    properties.put("mail.smtps.socketFactory", factory);
    sender.setJavaMailProperties(properties);
  }

  Duration deadline() {
    return deadline;
  }

  /** The one Jakarta Mail calls: an unconnected socket, which it connects with its connection timeout. */
  @Override
  public Socket createSocket() {
    return new DeadlineSocket(deadline);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  private Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = createSocket();
    socket.connect(address);
    return socket;
  }

  /** Closes itself when the deadline passes; closing it earlier cancels that. */
  private static final class DeadlineSocket extends Socket {

    private final ScheduledFuture<?> closing;

    DeadlineSocket(Duration deadline) {
      closing = CLOSER.schedule(this::closeQuietly, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeQuietly() {
      try {
        super.close();
      } catch (IOException alreadyGone) {
        // the send fails either way
      }
    }

    @Override
    public void close() throws IOException {
      closing.cancel(false);
      super.close();
    }
  }
}
