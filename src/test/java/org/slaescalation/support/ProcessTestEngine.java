package org.slaescalation.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.slaescalation.engine.EngineClock;
import org.slaescalation.notification.AcknowledgeTicket;
import org.slaescalation.notification.AcknowledgementMail;
import org.slaescalation.notification.MailSettings;
import org.slaescalation.notification.MailTemplates;
import org.slaescalation.sla.OlaDeadlines;
import org.slaescalation.sla.TicketUrgency;
import org.slaescalation.ticket.TaskOutcome;

/**
 * One in-memory engine for the process tests: job executor off (tests execute jobs), full history
 * for assertions, and the expression beans of the model registered as the real classes with test
 * collaborators behind them (calendars from the shipped configuration, an in-memory mail delivery).
 */
public final class ProcessTestEngine {

  public static final RecordingMailDelivery MAILS = new RecordingMailDelivery();

  private static ProcessEngine engine;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      var configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("process-tests");
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("full");
      configuration.setExpressionManager(new org.camunda.bpm.engine.test.mock.MockExpressionManager());
      engine = configuration.buildProcessEngine();
    }
    return engine;
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  /** Registers the beans the model's expressions call; call before each test (Mocks are thread-local). */
  public static void registerBeans() {
    ProcessEngine processEngine = engine();
    Mocks.register("taskOutcome", new TaskOutcome());
    Mocks.register("ticketUrgency", new TicketUrgency());
    Mocks.register("olaDeadlines",
        new OlaDeadlines(processEngine.getDecisionService(), ShippedCalendars.get(), new EngineClock()));
    Mocks.register("acknowledgeTicket", new AcknowledgeTicket(new AcknowledgementMail(new MailTemplates(), MAILS,
        new MailSettings("support@example.com", "test.invalid", "http://localhost:8080")), ShippedCalendars.get(),
        new EngineClock()));
  }
}
