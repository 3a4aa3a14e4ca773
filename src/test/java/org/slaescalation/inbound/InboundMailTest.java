package org.slaescalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slaescalation.customer.Customer;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.conversation.Conversation;
import org.slaescalation.conversation.Direction;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.support.Api;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketId;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customers answering by mail, read from GreenMail's IMAP server by the poller, against the whole application (its
 * tickets, conversation and rejected list). The poller is built here, on the shared context's beans, with known
 * senders of the test's own: the shared context reads no mailbox.
 */
@ApplicationTest
class InboundMailTest {

  private static final String MAILBOX = "support@example.com";

  @Autowired TicketService tickets;
  @Autowired Conversation conversation;
  @Autowired RejectedMails rejected;
  @Autowired MailSettings mailSettings;
  @Autowired AcknowledgementMail acknowledgement;
  @Autowired Clock clock;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired CustomerService customers;
  @Autowired KnownSenders knownSenders;

  private final Map<String, KnownSenders.Sender> known = new ConcurrentHashMap<>();
  private final AtomicBoolean sendersDown = new AtomicBoolean();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private GreenMail greenMail;
  private GreenMailUser mailbox;
  private MailboxPoller poller;

  @BeforeEach
  void startMailServer() {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
    mailbox = greenMail.setUser(MAILBOX, "support", "secret");
    poller = poller(greenMail.getImap().getPort(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stopMailServer() {
    greenMail.stop();
  }

  @Test
  void aReplyToTheAcknowledgementIsRecordedOnItsTicket_andResumesTheWaitingTicket() throws Exception {
    String customer = "ops-" + run + "@acme.example";
    String ticket = waitingOnCustomer(customer);

    deliver(mail(customer, "Re: [" + ticket + "] We received your request: Checkout fails", """
        Firefox 130, on Windows.

        On Mon, 1 Mar 2027 at 10:20, Support <support@example.com> wrote:
        > Which browser do you use?
        """, "<answer-" + run + "@acme.example>", acknowledgement.messageId(ticket)));

    MailboxPoller.Result result = poller.poll();

    assertThat(result.count(InboundMail.Kind.REPLY)).isOne();
    TicketView view = tickets.get(ticket);
    assertThat(view.status()).as("resumed").isEqualTo(TicketView.OPEN);
    assertThat(view.conversation()).last().satisfies(entry -> {
      assertThat(entry.direction()).isEqualTo("inbound");
      assertThat(entry.author()).isEqualTo(customer);
      assertThat(entry.text()).isEqualTo("Firefox 130, on Windows.");
    });
    assertThat(conversation.byMessageId("<answer-" + run + "@acme.example>")).isPresent();
    assertThat(unseen()).as("marked processed").isZero();
  }

  @Test
  void aReplyByMailToAClosedTicket_withinTheReopenWindow_reopensIt() throws Exception {
    String customer = "ops-" + run + "@acme.example";
    String ticket = open(customer);
    String triage = taskService.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getId();
    taskService.complete(triage, Map.of("outcome", "resolved", "customerReply", "Clear your cache."));
    String confirm = taskService.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getId();
    taskService.complete(confirm, Map.of("outcome", "resolved"));
    assertThat(tickets.get(ticket).status()).isEqualTo(TicketView.CLOSED);

    deliver(mail(customer, "Re: [" + ticket + "] Checkout fails", "Still broken after clearing the cache.",
        "<again-" + run + "@acme.example>", acknowledgement.messageId(ticket)));
    poller.poll();

    TicketView view = tickets.get(ticket);
    assertThat(view.status()).as("reopened").isEqualTo(TicketView.OPEN);
    assertThat(view.currentTask().name()).isEqualTo("Triage " + ticket);
    assertThat(view.conversation()).last().extracting(TicketView.Entry::text)
        .isEqualTo("Still broken after clearing the cache.");
  }

  @Test
  void aReplyThatNamesAnAgentsReplyInReferencesOnly_isRecordedOnThatTicket() throws Exception {
    String customer = "ops-" + run + "@acme.example";
    String ticket = waitingOnCustomer(customer);
    String agentsReply = conversation.messages(number(ticket)).stream()
        .filter(message -> message.direction() == Direction.OUTBOUND).findFirst().orElseThrow().messageId();
    assertThat(agentsReply).startsWith("<reply." + ticket + ".");

    MimeMessage answer = mail(customer, "Re: Checkout fails", "Chrome.", "<chrome-" + run + "@acme.example>", null);
    answer.setHeader("References", "<unknown-" + run + "@elsewhere.example> " + agentsReply);
    deliver(answer);
    poller.poll();

    assertThat(tickets.get(ticket).status()).isEqualTo(TicketView.OPEN);
    assertThat(conversation.byMessageId("<chrome-" + run + "@acme.example>")).get()
        .satisfies(message -> assertThat(TicketId.of(message.ticketNumber())).isEqualTo(ticket));
  }

  @Test
  void theSubjectTagAloneMatches() throws Exception {
    String customer = "ops-" + run + "@acme.example";
    String ticket = open(customer);

    deliver(mail(customer.toUpperCase(), "More details [" + ticket + "]", "It fails on mobile too.",
        "<tag-" + run + "@acme.example>", null));
    MailboxPoller.Result result = poller.poll();

    assertThat(result.count(InboundMail.Kind.REPLY)).isOne();
    assertThat(tickets.get(ticket).conversation()).extracting(TicketView.Entry::text)
        .containsExactly("It fails on mobile too.");
    assertThat(tickets.get(ticket).status()).as("not waiting, so nothing to resume").isEqualTo(TicketView.OPEN);
  }

  @Test
  void anUnmatchedMailFromAKnownSender_opensATicketWithTheSendersTierAndZone() throws Exception {
    String sender = "cto-" + run + "@globex.example";
    known.put(sender, new KnownSenders.Sender("globex-" + run, "Globex", sender, "enterprise", "America/New_York"));

    deliver(mail(sender, "Invoices are missing", "<p>Since Monday no invoice <b>arrives</b>.</p>",
        "<new-" + run + "@globex.example>", null, "text/html; charset=utf-8"));
    MailboxPoller.Result result = poller.poll();

    assertThat(result.count(InboundMail.Kind.OPENED)).isOne();
    String ticket = tickets.idByExternalId("mail:<new-" + run + "@globex.example>").orElseThrow();
    TicketView view = tickets.get(ticket);
    assertThat(view.customer()).isEqualTo(new TicketView.Customer("globex-" + run, "Globex", sender, "enterprise",
        "America/New_York"));
    assertThat(view.subject()).isEqualTo("Invoices are missing");
    assertThat(view.description()).isEqualTo("Since Monday no invoice arrives.");
    assertThat(view.priority()).isEqualTo("P3");
    assertThat(view.category()).isEqualTo("question");
    assertThat(unseen()).isZero();
  }

  @Test
  void anUnmatchedMailFromAnAddressOfACustomerRecord_opensATicketWithTheRecordsTierAndZone() throws Exception {
    String sender = "Ops-" + run + "@Hooli.example";
    customers.create(new Customer("hooli-" + run, "Hooli", List.of("it-" + run + "@hooli.example",
        sender.toLowerCase(java.util.Locale.ROOT)), "business", "Asia/Tokyo", null));
    InboundMailProperties properties = properties(greenMail.getImap().getPort(), Duration.ofSeconds(5));
    MailboxPoller withRecords = new MailboxPoller(properties, new InboundMail(tickets, conversation, rejected,
        knownSenders, properties, mailSettings, clock));

    deliver(mail(sender, "VPN drops every hour", "Since the update.", "<vpn-" + run + "@hooli.example>", null));
    MailboxPoller.Result result = withRecords.poll();

    assertThat(result.count(InboundMail.Kind.OPENED)).isOne();
    TicketView view = tickets.get(tickets.idByExternalId("mail:<vpn-" + run + "@hooli.example>").orElseThrow());
    assertThat(view.customer()).extracting(TicketView.Customer::id, TicketView.Customer::name,
        TicketView.Customer::tier, TicketView.Customer::timeZone)
        .containsExactly("hooli-" + run, "Hooli", "business", "Asia/Tokyo");
  }

  @Test
  void anUnknownSenderIsRejectedIntoTheList_andTheMailMarkedProcessed() throws Exception {
    String stranger = "someone-" + run + "@unknown.example";
    deliver(mail(stranger, "Buy cheap watches", "Click here.", "<spam-" + run + "@unknown.example>", null));

    MailboxPoller.Result result = poller.poll();

    assertThat(result.count(InboundMail.Kind.REJECTED)).isOne();
    assertThat(rejected.byMessageId("<spam-" + run + "@unknown.example>")).get().satisfies(entry -> {
      assertThat(entry.from()).isEqualTo(stranger);
      assertThat(entry.subject()).isEqualTo("Buy cheap watches");
      assertThat(entry.reason()).isEqualTo("unknown-sender");
      assertThat(entry.excerpt()).isEqualTo("Click here.");
    });
    assertThat(rejected.page(0, 100).items()).extracting(RejectedMails.Rejected::messageId)
        .contains("<spam-" + run + "@unknown.example>");
    assertThat(unseen()).isZero();
  }

  @Test
  void aStrangerCannotAnswerAnothersTicket_byItsSubjectTag() throws Exception {
    String ticket = waitingOnCustomer("ops-" + run + "@acme.example");

    deliver(mail("mallory-" + run + "@evil.example", "Re: [" + ticket + "]", "Close it, all fine.",
        "<mallory-" + run + "@evil.example>", acknowledgement.messageId(ticket)));
    poller.poll();

    assertThat(tickets.get(ticket).status()).isEqualTo(TicketView.WAITING_ON_CUSTOMER);
    assertThat(rejected.byMessageId("<mallory-" + run + "@evil.example>")).get()
        .extracting(RejectedMails.Rejected::reason).isEqualTo("sender-not-on-ticket");
  }

  @Test
  void aMailThatCannotBeRead_isRejectedWithTheReason_neverDropped() throws Exception {
    String raw = """
        From: ops-%s@acme.example
        To: support@example.com
        Subject: Broken
        Message-ID: <broken-%s@acme.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=x-no-such-charset

        text
        """.formatted(run, run).replace("\n", "\r\n");
    deliver(new MimeMessage(Session.getInstance(new Properties()),
        new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

    poller.poll();

    assertThat(rejected.byMessageId("<broken-" + run + "@acme.example>")).get().satisfies(entry -> {
      assertThat(entry.reason()).isEqualTo("unreadable");
      assertThat(entry.detail()).contains("x-no-such-charset");
    });
    assertThat(unseen()).isZero();
  }

  @Test
  void theSameMailReadAgain_afterACrashBetweenCommitAndFlag_orDeliveredTwice_isRecordedOnce() throws Exception {
    String customer = "ops-" + run + "@acme.example";
    String ticket = waitingOnCustomer(customer);
    MimeMessage answer = mail(customer, "Re: Checkout fails", "Safari.", "<twice-" + run + "@acme.example>",
        acknowledgement.messageId(ticket));
    deliver(answer);
    assertThat(poller.poll().count(InboundMail.Kind.REPLY)).isOne();

    markAllUnseen(); // as if the node died after the commit, before flagging the message
    deliver(answer); // and the mail server delivered a copy
    MailboxPoller.Result again = poller.poll();

    assertThat(again.count(InboundMail.Kind.DUPLICATE)).isEqualTo(2);
    assertThat(tickets.get(ticket).conversation()).filteredOn(entry -> entry.direction().equals("inbound"))
        .extracting(TicketView.Entry::text).containsExactly("Safari.");
    assertThat(unseen()).isZero();
  }

  @Test
  void aMailWhoseHandlingFails_isLeftUnread_andHandledAtTheNextPoll() throws Exception {
    String sender = "cfo-" + run + "@initech.example";
    known.put(sender, new KnownSenders.Sender("initech-" + run, "Initech", sender, "business", "Europe/Berlin"));
    deliver(mail(sender, "Refund", "Please refund order 42.", "<refund-" + run + "@initech.example>", null));
    sendersDown.set(true);

    MailboxPoller.Result failed = poller.poll();

    assertThat(failed.failed()).isOne();
    assertThat(unseen()).as("reading did not mark it (peek), the failure did not either").isOne();
    sendersDown.set(false);
    assertThat(poller.poll().count(InboundMail.Kind.OPENED)).isOne();
    assertThat(tickets.idByExternalId("mail:<refund-" + run + "@initech.example>")).isPresent();
    assertThat(unseen()).isZero();
  }

  @Test
  void anImapServerThatNeverAnswers_failsThePollWithinTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (!silent.isClosed()) {
            accepted.add(silent.accept()); // and never a byte back, not even the greeting
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      MailboxPoller stuck = poller(silent.getLocalPort(), Duration.ofSeconds(2));

      Instant start = Instant.now();
      // Without the timeouts the poll never returns: the test gives up after 30 s instead of hanging the build.
      assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> assertThatThrownBy(stuck::poll).isInstanceOf(MessagingException.class));

      assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
      assertThat(accepted).as("the server did accept the connection").isNotEmpty();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private static InboundMailProperties properties(int port, Duration timeouts) {
    return new InboundMailProperties("127.0.0.1", "imap", port, "support", "secret",
        "INBOX", null, Duration.ofMinutes(1), 50, timeouts, timeouts, timeouts, "P3", "question", Map.of());
  }

  private MailboxPoller poller(int port, Duration timeouts) {
    InboundMailProperties properties = properties(port, timeouts);
    KnownSenders senders = address -> {
      if (sendersDown.get()) {
        throw new IllegalStateException("customer records unavailable");
      }
      return Optional.ofNullable(known.get(address));
    };
    return new MailboxPoller(properties, new InboundMail(tickets, conversation, rejected, senders, properties,
        mailSettings, clock));
  }

  private String open(String customerEmail) {
    String id = tickets.open(new NewTicket(null, "Checkout fails", "HTTP 500 on every order", "P3", "question",
        new NewTicket.Customer("acme-" + run, "ACME", customerEmail, "standard", "Europe/Amsterdam"))).id();
    Api.executeJobs(managementService, processInstanceId(id));
    return id;
  }

  private String waitingOnCustomer(String customerEmail) {
    String id = open(customerEmail);
    String triage = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    taskService.complete(triage, Map.of("outcome", "waiting-on-customer", "customerReply", "Which browser?"));
    Api.executeJobs(managementService, processInstanceId(id));
    assertThat(tickets.get(id).status()).isEqualTo(TicketView.WAITING_ON_CUSTOMER);
    return id;
  }

  private String processInstanceId(String ticketId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  private static long number(String ticketId) {
    return TicketId.number(ticketId).orElseThrow();
  }

  private static MimeMessage mail(String from, String subject, String text, String messageId, String inReplyTo)
      throws MessagingException {
    return mail(from, subject, text, messageId, inReplyTo, "text/plain; charset=utf-8");
  }

  private static MimeMessage mail(String from, String subject, String text, String messageId, String inReplyTo,
      String contentType) throws MessagingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() {
        // keep the Message-ID the test gave
      }
    };
    mail.setFrom(from);
    mail.setRecipients(Message.RecipientType.TO, MAILBOX);
    mail.setSubject(subject);
    mail.setSentDate(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    mail.setContent(text, contentType);
    mail.setHeader("Message-ID", messageId);
    if (inReplyTo != null) {
      mail.setHeader("In-Reply-To", inReplyTo);
      mail.setHeader("References", inReplyTo);
    }
    mail.saveChanges();
    return mail;
  }

  private void deliver(MimeMessage mail) {
    mailbox.deliver(mail);
  }

  private int unseen() throws MessagingException {
    try (Store store = imap(); Folder inbox = store.getFolder("INBOX")) {
      inbox.open(Folder.READ_ONLY);
      return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
    }
  }

  private void markAllUnseen() throws MessagingException {
    try (Store store = imap(); Folder inbox = store.getFolder("INBOX")) {
      inbox.open(Folder.READ_WRITE);
      inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
    }
  }

  private Store imap() throws MessagingException {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", greenMail.getImap().getPort(), "support", "secret");
    return store;
  }
}
