package org.slaescalation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Packages by concept. The concepts (clocks, the escalation ladder and its outbox, the coverage check, business time,
 * calendars, mail, inbound mail, teams, tickets, the SLA board, the satisfaction survey, the web layer) know nothing
 * of Camunda; the engine glue ({@code process}: delegates, listeners, expression beans), the engine configuration
 * ({@code engine}, {@code model}),
 * and the layers that secure and audit Camunda's webapps and REST API ({@code security}, {@code authorization},
 * {@code audit}) and show its deployed models ({@code review}) or seed its users ({@code demo}) do. No package depends
 * on another that depends on it.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.slaescalation");

  @Test
  void onlyTheGlueAndTheEngineConfigurationUseCamunda() {
    noClasses().that().resideInAnyPackage("org.slaescalation.clock..", "org.slaescalation.ladder..",
            "org.slaescalation.coverage..", "org.slaescalation.businesstime..", "org.slaescalation.calendar..",
            "org.slaescalation.notification..", "org.slaescalation.team..", "org.slaescalation.ticket..",
            "org.slaescalation.web..", "org.slaescalation.startup..", "org.slaescalation.conversation..",
            "org.slaescalation.customer..", "org.slaescalation.inbound..", "org.slaescalation.board..",
            "org.slaescalation.csat..")
        .and().doNotHaveFullyQualifiedName("org.slaescalation.ticket.TicketService")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("the concepts are plain Java and Spring; only the glue talks to the engine "
            + "(TicketService is the ticket API's one door into it)")
        .check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.slaescalation.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
