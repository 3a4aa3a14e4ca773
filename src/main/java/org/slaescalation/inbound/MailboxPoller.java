package org.slaescalation.inbound;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the inbound mailbox once per {@link #poll}: each message not yet processed is handed to {@link InboundMail},
 * whose transaction commits before the message is marked processed ({@code \Seen}, or moved to
 * {@code processed-folder}). A crash in between leaves the message unmarked: it is read again, and its Message-ID
 * makes the second reading change nothing. Messages are read with {@code mail.imap(s).peek}, so reading one never
 * marks it; a message whose handling fails stays unmarked and is tried again at the next poll.
 *
 * <p>Every connection has the connect, read and write timeouts of {@link InboundMailProperties}: a server that
 * accepts the connection and never answers fails the poll ({@code InboundMailTest}), and the next poll tries again.
 */
class MailboxPoller {

  /** How many messages of one poll became what; {@code failed}: left for the next poll. */
  record Result(Map<InboundMail.Kind, Integer> handled, int failed) {

    int count(InboundMail.Kind kind) {
      return handled.getOrDefault(kind, 0);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final InboundMailProperties properties;
  private final InboundMail inbound;
  private final Session session;

  MailboxPoller(InboundMailProperties properties, InboundMail inbound) {
    this.properties = properties;
    this.inbound = inbound;
    this.session = Session.getInstance(sessionProperties(properties));
  }

  /** The Jakarta Mail settings of the mailbox: its server, the timeouts, peek; then the configured extras. */
  static Properties sessionProperties(InboundMailProperties properties) {
    Properties mail = new Properties();
    String protocol = properties.protocol();
    mail.setProperty("mail.store.protocol", protocol);
    for (String p : new String[] {"imap", "imaps"}) {
      mail.setProperty("mail." + p + ".connectiontimeout", millis(properties.connectionTimeout()));
      mail.setProperty("mail." + p + ".timeout", millis(properties.readTimeout()));
      mail.setProperty("mail." + p + ".writetimeout", millis(properties.writeTimeout()));
      // Reading a message must not flag it \Seen: only a committed message is marked processed.
      mail.setProperty("mail." + p + ".peek", "true");
    }
    mail.setProperty("mail.imaps.ssl.checkserveridentity", "true");
    mail.putAll(properties.properties());
    return mail;
  }

  private static String millis(java.time.Duration duration) {
    return Long.toString(duration.toMillis());
  }

  /** One pass over the mailbox; throws when the mailbox cannot be reached or fails mid-way. */
  Result poll() throws MessagingException {
    Map<InboundMail.Kind, Integer> handled = new EnumMap<>(InboundMail.Kind.class);
    int failed = 0;
    try (Store store = session.getStore(properties.protocol())) {
      store.connect(properties.host(), properties.effectivePort(), properties.user(), properties.password());
      Folder processed = processedFolder(store);
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] waiting = processed == null
            ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
            : folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false));
        for (Message message : Arrays.copyOf(waiting, Math.min(waiting.length, properties.maxMessagesPerPoll()))) {
          InboundMail.Outcome outcome;
          try {
            outcome = handle(folder, message);
          } catch (RuntimeException failure) {
            failed++;
            log.warn("Inbound mail {} of {} not handled, tried again at the next poll: {}", message.getMessageNumber(),
                properties.folder(), failure.toString());
            continue;
          }
          markProcessed(folder, message, processed);
          handled.merge(outcome.kind(), 1, Integer::sum);
        }
      } finally {
        folder.close(processed != null);
      }
    }
    return new Result(handled, failed);
  }

  private InboundMail.Outcome handle(Folder folder, Message message) throws MessagingException {
    InboundMessage mail;
    try {
      mail = InboundMessage.read(message);
    } catch (MessagingException | java.io.IOException | RuntimeException unreadable) {
      return inbound.unreadable(fallbackId(folder, message), quietly(() -> InboundMessage.sender(message)),
          quietly(message::getSubject), unreadable.toString());
    }
    return inbound.handle(mail);
  }

  /** A mail that cannot be read is known by its Message-ID if that can be read, else by its IMAP UID (stable while the
   * folder's UIDVALIDITY is). */
  private static String fallbackId(Folder folder, Message message) throws MessagingException {
    String[] ids = quietly(() -> message.getHeader("Message-ID"));
    if (ids != null && ids.length > 0 && ids[0].strip().matches("<[^<>\\s]{1,290}>")) {
      return ids[0].strip();
    }
    if (folder instanceof UIDFolder uids) {
      return "<unreadable." + uids.getUIDValidity() + "." + uids.getUID(message) + "@inbound.invalid>";
    }
    java.util.Date sent = quietly(message::getSentDate);
    return InboundMessage.derivedId(quietly(() -> InboundMessage.sender(message)), sent == null ? null
        : sent.toInstant(), quietly(message::getSubject), "unreadable");
  }

  private interface Read<T> {
    T get() throws Exception;
  }

  private static <T> T quietly(Read<T> read) {
    try {
      return read.get();
    } catch (Exception unreadable) {
      return null;
    }
  }

  private Folder processedFolder(Store store) throws MessagingException {
    if (properties.processedFolder() == null) {
      return null;
    }
    Folder processed = store.getFolder(properties.processedFolder());
    if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("Cannot create escalation.inbound-mail.processed-folder "
          + properties.processedFolder());
    }
    return processed;
  }

  private static void markProcessed(Folder folder, Message message, Folder processed) throws MessagingException {
    if (processed == null) {
      message.setFlag(Flags.Flag.SEEN, true);
    } else {
      folder.copyMessages(new Message[] {message}, processed);
      message.setFlag(Flags.Flag.DELETED, true);
    }
  }
}
