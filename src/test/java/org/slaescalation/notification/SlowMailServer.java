package org.slaescalation.notification;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server that accepts every mail but gives each answer {@code latency} after the command it answers: a
 * congested or throttling relay. It keeps the commands it was given ({@code EHLO}, {@code MAIL}, ...). With
 * {@code tls}, it speaks SMTPS (TLS from the first byte, GreenMail's self-signed test certificate).
 */
final class SlowMailServer implements AutoCloseable {

  private final ServerSocket server;
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final Duration latency;

  SlowMailServer(Duration latency) throws IOException {
    this(latency, false);
  }

  SlowMailServer(Duration latency, boolean tls) throws IOException {
    this.server = tls ? DummySSLServerSocketFactory.getDefault().createServerSocket(0) : new ServerSocket(0);
    this.latency = latency;
    Thread acceptor = new Thread(this::accept, "slow-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  List<String> commands() {
    return commands;
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket connection = server.accept();
        connections.add(connection);
        Thread session = new Thread(() -> converse(connection), "slow-smtp-session");
        session.setDaemon(true);
        session.start();
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private void converse(Socket connection) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
        StandardCharsets.US_ASCII))) {
      OutputStream out = connection.getOutputStream();
      answer(out, "220 slow.example ESMTP");
      boolean data = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (data) {
          if (line.equals(".")) {
            data = false;
            answer(out, "250 queued");
          }
          continue;
        }
        String command = line.split(" ", 2)[0].toUpperCase();
        commands.add(command);
        switch (command) {
          case "DATA" -> {
            data = true;
            answer(out, "354 go ahead");
          }
          case "QUIT" -> answer(out, "221 bye");
          default -> answer(out, "250 ok");
        }
      }
    } catch (IOException gone) {
      // the client gave up
    }
  }

  private void answer(OutputStream out, String reply) {
    answers.schedule(() -> {
      try {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException gone) {
        // the client gave up
      }
    }, latency.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    answers.shutdownNow();
    server.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }
}
