package org.slaescalation.support;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slaescalation.engine.EngineClock;
import org.slaescalation.engine.LongStringPlugin;
import org.slaescalation.notification.AcknowledgeTicket;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.EscalationMail;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.notification.MailTemplates;
import org.slaescalation.sla.ClockRepository;
import org.slaescalation.sla.ContactProperties;
import org.slaescalation.sla.CustomerWait;
import org.slaescalation.sla.Escalations;
import org.slaescalation.sla.LadderProperties;
import org.slaescalation.sla.OlaDeadlines;
import org.slaescalation.sla.SendEscalations;
import org.slaescalation.sla.SlaClocks;
import org.slaescalation.sla.TaskClocks;
import org.slaescalation.sla.TicketClocks;
import org.slaescalation.sla.TicketUrgency;
import org.slaescalation.sla.TimerSchedule;
import org.slaescalation.ticket.TaskOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One in-memory engine for the process tests: job executor off (tests execute jobs), full history for
 * assertions, the service's own tables migrated by Flyway into the engine's database, and the expression beans
 * of the model registered as the real classes with real collaborators (the shipped calendars, the default
 * ladder) and an in-memory mail delivery behind them.
 */
public final class ProcessTestEngine {

  public static final RecordingMailDelivery MAILS = new RecordingMailDelivery();
  public static final String JDBC_URL = "jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1";

  public static final LadderProperties LADDER = new LadderProperties(75, 90, 75, Map.of(
      "internal", List.of("team"), "warning", List.of("team-lead"),
      "critical", List.of("support-manager", "account-manager"), "breach", List.of("support-manager", "account-manager"),
      "ola-warning", List.of("team"), "ola-breach", List.of("team-lead")));

  private static ProcessEngine engine;
  private static DataSource dataSource;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      var configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("process-tests");
      configuration.setJdbcUrl(JDBC_URL);
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("full");
      // As in application.yaml: a failed job (a mail server that is down) retries 5 times a minute apart.
      configuration.setFailedJobRetryTimeCycle("R5/PT1M");
      configuration.setExpressionManager(new org.camunda.bpm.engine.test.mock.MockExpressionManager());
      // As in the application: long strings are stored whole.
      configuration.getProcessEnginePlugins().add(new LongStringPlugin());
      engine = configuration.buildProcessEngine();
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(JDBC_URL);
      h2.setUser("sa");
      dataSource = h2;
      Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
    return engine;
  }

  public static JdbcClient jdbc() {
    engine();
    return JdbcClient.create(dataSource);
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  /** Empties the service's tables and registers ticket number {@code ticketNumber}. */
  public static void resetTables(long ticketNumber) {
    JdbcClient jdbc = jdbc();
    for (String table : List.of("escalation", "clock_pause", "ticket_clock", "customer_reply", "ticket")) {
      jdbc.sql("delete from " + table).update();
    }
    jdbc.sql("insert into ticket (number, created_at) values (:number, current_timestamp)")
        .param("number", ticketNumber).update();
  }

  /** Registers the beans the model's expressions call; call before each test (Mocks are thread-local). */
  public static SlaClocks registerBeans() {
    ProcessEngine processEngine = engine();
    EngineClock clock = new EngineClock();
    MailTemplates templates = new MailTemplates();
    MailSettings settings = new MailSettings("support@example.com", "test.invalid", "http://localhost:8080");
    SlaClocks clocks = new SlaClocks(new ClockRepository(jdbc()), ShippedCalendars.get(), LADDER, clock);
    OlaDeadlines olaDeadlines = new OlaDeadlines(processEngine.getDecisionService());
    ContactProperties.Contact manager = new ContactProperties.Contact("manager@example.com",
        java.time.ZoneId.of("Europe/Amsterdam"));
    ContactProperties contacts = new ContactProperties(Map.of(
        "support", team("support"), "engineering", team("engineering"), "sysadmin", team("sysadmin")),
        manager, new ContactProperties.Contact("accounts@example.com", java.time.ZoneId.of("America/New_York")));
    Escalations escalations = new Escalations(clocks, new ClockRepository(jdbc()),
        new EscalationMail(templates, MAILS, settings), LADDER, contacts, clock);
    Mocks.register("taskOutcome", new TaskOutcome());
    Mocks.register("ticketUrgency", new TicketUrgency());
    TicketClocks ticketClocks = new TicketClocks(clocks, olaDeadlines);
    Mocks.register("clocks", ticketClocks);
    Mocks.register("taskClocks", new TaskClocks(clocks, ticketClocks, ShippedCalendars.get()));
    Mocks.register("customerWait", new CustomerWait(clocks,
        new TimerSchedule(processEngine.getManagementService(), clocks)));
    Mocks.register("sendEscalations", new SendEscalations(escalations, processEngine.getTaskService()));
    Mocks.register("acknowledgeTicket", new AcknowledgeTicket(new AcknowledgementMail(templates, MAILS, settings),
        ShippedCalendars.get(), clock));
    return clocks;
  }

  private static ContactProperties.TeamContacts team(String team) {
    return new ContactProperties.TeamContacts(
        new ContactProperties.Contact(team + "@example.com", java.time.ZoneId.of("Europe/Amsterdam")),
        new ContactProperties.Contact(team + "-lead@example.com", java.time.ZoneId.of("Europe/Amsterdam")));
  }
}
