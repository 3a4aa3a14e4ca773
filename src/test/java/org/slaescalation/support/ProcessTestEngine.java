package org.slaescalation.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.clock.StintRepository;
import org.slaescalation.customer.CustomerRepository;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.engine.EngineClock;
import org.slaescalation.engine.LongStringPlugin;
import org.slaescalation.ladder.ContactProperties;
import org.slaescalation.ladder.EscalationMeters;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.ladder.Escalations;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ladder.LadderProperties;
import org.slaescalation.process.AcknowledgeTicket;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.EscalationMail;
import org.slaescalation.notification.MailDelivery;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.notification.PublicUrl;
import org.slaescalation.notification.MailTemplates;
import org.slaescalation.process.CustomerWait;
import org.slaescalation.process.EscalationMails;
import org.slaescalation.process.LadderTimers;
import org.slaescalation.process.OlaDeadlines;
import org.slaescalation.process.OlaStintStart;
import org.slaescalation.process.RecordEscalations;
import org.slaescalation.process.TaskClockListener;
import org.slaescalation.process.ClockExpressions;
import org.slaescalation.process.TicketUrgency;
import org.slaescalation.process.TaskOutcome;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One in-memory engine for the process tests, transactions as in production: a Spring transaction manager on one
 * DataSource, which the engine and the service's tables share, so that a rolled-back job rolls back the service's
 * rows too. Job executor off (tests execute jobs), full history for assertions, the service's own tables migrated
 * by Flyway into the engine's database, and the expression beans of the model registered as the real classes with
 * real collaborators (the shipped calendars, the default ladder) and an in-memory mail delivery behind them.
 */
public final class ProcessTestEngine {

  public static final RecordingMailDelivery MAILS = new RecordingMailDelivery();
  public static final String JDBC_URL = "jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1";

  public static final LadderProperties LADDER = new LadderProperties(75, 90, 75, Map.of(
      "internal", List.of("team"), "warning", List.of("team-lead"),
      "critical", List.of("support-manager", "account-manager"), "breach", List.of("support-manager", "account-manager"),
      "ola-warning", List.of("team"), "ola-breach", List.of("team-lead")), java.util.Set.of("P3", "P4"));

  /** As {@code escalation.mail.retry.intervals} defaults: a minute, then longer, up to four hours. */
  public static final org.slaescalation.notification.MailRetryProperties MAIL_RETRY =
      new org.slaescalation.notification.MailRetryProperties(java.util.stream.Stream.of("PT1M", "PT2M", "PT5M",
          "PT10M", "PT20M", "PT30M", "PT1H", "PT1H", "PT2H", "PT2H", "PT4H").map(java.time.Duration::parse).toList());

  private static ProcessEngine engine;
  private static org.slaescalation.conversation.Conversation conversation;
  private static DataSource dataSource;
  private static DataSourceTransactionManager transactionManager;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(JDBC_URL);
      h2.setUser("sa");
      dataSource = h2;
      var configuration = new SpringProcessEngineConfiguration();
      configuration.setProcessEngineName("process-tests");
      configuration.setDataSource(dataSource);
      transactionManager = new DataSourceTransactionManager(dataSource);
      configuration.setTransactionManager(transactionManager);
      var context = new org.springframework.context.support.GenericApplicationContext();
      context.refresh();
      configuration.setApplicationContext(context);
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("full");
      // As in application.yaml: a failed job (a mail server that is down) retries 5 times a minute apart.
      configuration.setFailedJobRetryTimeCycle("R5/PT1M");
      configuration.setExpressionManager(new org.camunda.bpm.engine.test.mock.MockExpressionManager());
      // As in the application: long strings are stored whole.
      configuration.getProcessEnginePlugins().add(new LongStringPlugin());
      // As in the application: a command that collides with a job runs again.
      configuration.getProcessEnginePlugins().add(new org.slaescalation.engine.CollisionRetryPlugin());
      // As in the application: the ticket's tasks are named after the ticket ("Triage T-1") and carry its row.
      configuration.getProcessEnginePlugins().add(new org.slaescalation.process.TicketTaskDisplay());
      engine = configuration.buildProcessEngine();
      Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
    return engine;
  }

  /** The service's tables, on the engine's DataSource: inside an engine command this is the command's transaction. */
  public static JdbcClient jdbc() {
    engine();
    return JdbcClient.create(dataSource);
  }

  /** Transactions on the engine's transaction manager, as the service's own transactions run. */
  public static org.springframework.transaction.support.TransactionTemplate transactions() {
    engine();
    return new org.springframework.transaction.support.TransactionTemplate(transactionManager);
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  /**
   * Before each test of the ticket process on this engine: camunda-bpm-assert bound to it, the service's tables empty
   * with ticket number 1 registered, the beans the models call registered, no mail recorded. Returns the clock stints
   * service the beans use.
   */
  public static ClockStints beforeTicketTest() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine());
    resetTables(1);
    ClockStints clocks = registerBeans();
    MAILS.clear();
    return clocks;
  }

  /** After each such test: the engine clock back to real time, the beans unregistered. */
  public static void afterTicketTest() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    Mocks.reset();
  }

  /** Sets the engine clock to an ISO instant ({@code 2027-03-05T14:00:00Z}). */
  public static void at(String instant) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(instant)));
  }

  /** Empties the service's tables and registers ticket number {@code ticketNumber}. */
  public static void resetTables(long ticketNumber) {
    JdbcClient jdbc = jdbc();
    for (String table : List.of("escalation_rung", "escalation_mail", "clock_pause", "clock_stint",
        "ticket_message", "ticket")) {
      jdbc.sql("delete from " + table).update();
    }
    jdbc.sql("insert into ticket (number, created_at) values (:number, current_timestamp)")
        .param("number", ticketNumber).update();
  }

  /** Mail to the SMTP server on {@code port} of this host (GreenMail), giving up after 5 s without an answer. */
  public static org.slaescalation.notification.SmtpMailDelivery smtp(int port) {
    var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    java.util.Properties timeouts = new java.util.Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
    timeouts.setProperty("mail.smtp.timeout", "5000");
    sender.setJavaMailProperties(timeouts);
    return new org.slaescalation.notification.SmtpMailDelivery(sender, "support@example.com", "greenmail");
  }

  /** The shipped defaults of {@code escalation.waiting.*}: remind after 2 business days, close after 5. */
  public static final org.slaescalation.process.WaitingProperties WAITING =
      new org.slaescalation.process.WaitingProperties(java.time.Period.ofDays(2), java.time.Period.ofDays(5));
  /** The shipped default of {@code escalation.reopen-within}: 10 days. */
  public static final org.slaescalation.process.ClosingProperties CLOSING =
      new org.slaescalation.process.ClosingProperties(java.time.Duration.ofDays(10));

  /** The conversation service behind the beans registered last. */
  public static org.slaescalation.conversation.Conversation conversation() {
    return conversation;
  }

  /** Registers the beans the model's expressions call; call before each test (Mocks are thread-local). */
  public static ClockStints registerBeans() {
    return registerBeans(MAILS);
  }

  /** As {@link #registerBeans()}, with escalation and acknowledgement mails going to {@code delivery}. */
  public static ClockStints registerBeans(MailDelivery delivery) {
    return registerBeans(delivery, null);
  }

  /**
   * As {@link #registerBeans(MailDelivery)}, with the support team's mailbox reading mail in the open hours of
   * calendar {@code supportTeamCalendar} (null: the team's own calendar).
   */
  public static ClockStints registerBeans(MailDelivery delivery, String supportTeamCalendar) {
    ProcessEngine processEngine = engine();
    EngineClock clock = new EngineClock();
    MailTemplates templates = new MailTemplates();
    MailSettings settings = new MailSettings("support@example.com", "test.invalid", "http://localhost:8080");
    ClockStints clocks = new ClockStints(new StintRepository(jdbc()), ShippedCalendars.get(), clock);
    Ladder ladder = new Ladder(LADDER, clocks);
    OlaDeadlines olaDeadlines = new OlaDeadlines(processEngine.getDecisionService(),
        processEngine.getRepositoryService());
    ContactProperties.Contact manager = new ContactProperties.Contact("manager@example.com",
        java.time.ZoneId.of("Europe/Amsterdam"), null);
    ContactProperties contacts = new ContactProperties(Map.of(
        "support", team("support", supportTeamCalendar), "engineering", team("engineering", null),
        "sysadmin", team("sysadmin", null)),
        manager, new ContactProperties.Contact("accounts@example.com", java.time.ZoneId.of("America/New_York"), null));
    Escalations escalations = new Escalations(clocks, ladder, new EscalationOutbox(jdbc()),
        new EscalationMail(templates, settings), delivery, LADDER, contacts, ShippedCalendars.get(), clock,
        new EscalationMeters(new SimpleMeterRegistry()));
    LadderTimers timers = new LadderTimers(processEngine.getRepositoryService(), processEngine.getManagementService(),
        clocks, ladder);
    Mocks.register("taskOutcome", new TaskOutcome());
    Mocks.register("ticketUrgency", new TicketUrgency());
    Mocks.register("clocks", new ClockExpressions(clocks, timers, processEngine.getRepositoryService(),
        olaDeadlines));
    Mocks.register("olaStintStart", new OlaStintStart(clocks, olaDeadlines));
    Mocks.register("taskClocks", new TaskClockListener(clocks, ShippedCalendars.get(), olaDeadlines));
    Mocks.register("customerWait", new CustomerWait(clocks, timers, clock));
    Mocks.register("recordEscalations", new RecordEscalations(escalations, processEngine.getTaskService(),
        processEngine.getRuntimeService(), new CustomerService(new CustomerRepository(jdbc()), transactions(), clock)));
    Mocks.register("escalationMails", new EscalationMails(escalations, clock));
    Mocks.register("mailRetries", new org.slaescalation.process.MailRetries(MAIL_RETRY));
    AcknowledgementMail acknowledgement = new AcknowledgementMail(templates, delivery, settings);
    Mocks.register("acknowledgeTicket", new AcknowledgeTicket(acknowledgement, ShippedCalendars.get(), clock));
    conversation = new org.slaescalation.conversation.Conversation(
        new org.slaescalation.conversation.ConversationRepository(jdbc()),
        new org.slaescalation.notification.ReplyMail(templates, settings), acknowledgement, delivery, clock);
    var replies = new org.slaescalation.process.CustomerReplies(conversation);
    var taskConversation = new org.slaescalation.process.TaskConversation(conversation, contacts,
        processEngine.getRuntimeService(), processEngine.getTaskService(), replies);
    Mocks.register("taskConversation", taskConversation);
    var waitingTimers = new org.slaescalation.process.WaitingTimers(WAITING, ShippedCalendars.get(), contacts);
    Mocks.register("waitingTimers", waitingTimers);
    var surveys = org.slaescalation.csat.Surveys.of(jdbc(), "the survey key of the process tests".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), PublicUrl.of(settings), java.time.Duration.ofDays(14), clock);
    var notices = new org.slaescalation.process.CustomerNotices(replies, waitingTimers, CLOSING, surveys, clock);
    Mocks.register("customerNotices", notices);
    Mocks.register("ticketClosing", new org.slaescalation.process.TicketClosing(
        new org.slaescalation.ticket.TicketRepository(jdbc()), CLOSING, notices, clock));
    Mocks.register("replyMails", new org.slaescalation.process.ReplyMails(conversation, clocks, timers,
        taskConversation));
    return clocks;
  }

  /**
   * Runs the jobs of the "Escalation mail" instances that are due now, as the job executor would, until none is
   * left; a job that fails stays for its retry. Returns how many ran without failing.
   */
  public static int sendEscalationMails() {
    return runMailJobs(RecordEscalations.MAIL_PROCESS_KEY);
  }

  /** As {@link #sendEscalationMails()}, for the "Reply mail" instances: mails the replies to the customer. */
  public static int sendReplies() {
    return runMailJobs(TicketProcess.REPLY_MAIL_PROCESS_KEY);
  }

  private static int runMailJobs(String processKey) {
    var management = engine().getManagementService();
    int sent = 0;
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processDefinitionKey(processKey)
          .executable().list();
      if (due.isEmpty()) {
        return sent;
      }
      boolean progress = false;
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          sent++;
          progress = true;
        } catch (RuntimeException failed) {
          // Left for its retry, as the job executor leaves it.
        }
      }
      if (!progress) {
        return sent;
      }
    }
    return sent;
  }

  /**
   * The variables intake gives ticket {@code T-1}: a ticket of customer {@code customerId} of {@code tier}, whose
   * {@code createdAt} is the engine's time now.
   */
  public static org.camunda.bpm.engine.variable.VariableMap ticket(String priority, String tier, String category,
      String customerId) {
    return org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue(TicketVariables.TICKET_ID, "T-1")
        .putValue(TicketVariables.CREATED_AT, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())
        .putValue(TicketVariables.SUBJECT, "Checkout fails")
        .putValue(TicketVariables.DESCRIPTION, "HTTP 500 on every order")
        .putValue(TicketVariables.PRIORITY, priority)
        .putValue(TicketVariables.CATEGORY, category)
        .putValue(TicketVariables.TIER, tier)
        .putValue(TicketVariables.CUSTOMER_ID, customerId)
        .putValue(TicketVariables.CUSTOMER_NAME, customerId.toUpperCase(java.util.Locale.ROOT))
        .putValue(TicketVariables.CUSTOMER_EMAIL, "ops@" + customerId + ".example")
        .putValue(TicketVariables.CUSTOMER_TIME_ZONE, "Europe/Amsterdam");
  }

  /**
   * Starts ticket {@code T-1} with {@code variables} and runs the acknowledgement's two jobs, as the job executor
   * would: the ticket then waits at triage.
   */
  public static org.camunda.bpm.engine.runtime.ProcessInstance startAtTriage(
      org.camunda.bpm.engine.variable.VariableMap variables) {
    var instance = engine().getRuntimeService().startProcessInstanceByKey(TicketProcess.PROCESS_KEY, "T-1",
        variables);
    var management = engine().getManagementService();
    for (int step = 0; step < 2; step++) {
      Job acknowledgement = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      if (acknowledgement == null) {
        throw new IllegalStateException("Ticket T-1 does not wait at Task_AcknowledgeTicket");
      }
      management.executeJob(acknowledgement.getId());
    }
    if (engine().getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TicketProcess.TASK_TRIAGE).count() != 1) {
      throw new IllegalStateException("Ticket T-1 does not wait at " + TicketProcess.TASK_TRIAGE);
    }
    return instance;
  }

  private static ContactProperties.TeamContacts team(String team, String calendar) {
    return new ContactProperties.TeamContacts(
        new ContactProperties.Contact(team + "@example.com", java.time.ZoneId.of("Europe/Amsterdam"), calendar),
        new ContactProperties.Contact(team + "-lead@example.com", java.time.ZoneId.of("Europe/Amsterdam"), null));
  }
}
