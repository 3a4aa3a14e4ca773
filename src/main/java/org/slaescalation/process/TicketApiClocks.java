package org.slaescalation.process;

import static org.slaescalation.ticket.TicketVariables.CATEGORY;
import static org.slaescalation.ticket.TicketVariables.CUSTOMER_ID;
import static org.slaescalation.ticket.TicketVariables.FIRST_RESPONSE_TARGET;
import static org.slaescalation.ticket.TicketVariables.INTERNAL_TARGET_PERCENT;
import static org.slaescalation.ticket.TicketVariables.PRIORITY;
import static org.slaescalation.ticket.TicketVariables.RESOLUTION_TARGET;
import static org.slaescalation.ticket.TicketVariables.SLA_CALENDAR;
import static org.slaescalation.ticket.TicketVariables.TIER;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.clock.Budget;
import org.slaescalation.clock.ClockName;
import org.slaescalation.clock.ClockStint;
import org.slaescalation.clock.ClockStints;
import org.slaescalation.ladder.EscalationOutbox;
import org.slaescalation.ladder.Ladder;
import org.slaescalation.ladder.Rung;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.TicketClockAccess;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketView;
import org.slaescalation.ticket.Tier;
import org.springframework.stereotype.Service;

/** The clocks as the ticket API shows and changes them. */
@Service
public class TicketApiClocks implements TicketClockAccess {

  static final String SLA_DECISION = "SlaPolicy";

  private final ClockStints clocks;
  private final Ladder ladder;
  private final EscalationOutbox outbox;
  private final OlaDeadlines olaDeadlines;
  private final LadderTimers timers;
  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  public TicketApiClocks(ClockStints clocks, Ladder ladder, EscalationOutbox outbox, OlaDeadlines olaDeadlines,
      LadderTimers timers, DecisionService decisionService, RepositoryService repositoryService,
      RuntimeService runtimeService, TaskService taskService) {
    this.clocks = clocks;
    this.ladder = ladder;
    this.outbox = outbox;
    this.repositoryService = repositoryService;
    this.olaDeadlines = olaDeadlines;
    this.timers = timers;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public Clocks clocks(long ticketNumber) {
    List<EscalationOutbox.Entry> mails = outbox.entries(ticketNumber);
    List<ClockStint> all = clocks.stints(ticketNumber);
    Map<String, TicketView.Clock> latest = new LinkedHashMap<>();
    List<TicketView.Stint> stints = new java.util.ArrayList<>();
    for (ClockStint stint : all) {
      TicketView.Clock view = view(stint, mails);
      latest.put(stint.clock().value(), view);
      stints.add(new TicketView.Stint(stint.clock().value(), stint.clock().team().orElse(null),
          stint.startedAt(), stint.stoppedAt(), stint.budget().toString(), stint.calendar(),
          stint.paused().toString(), stint.breachedAt(), stint.budgetDecision(), view));
    }
    List<TicketView.Pause> pauses = clocks.pauses(ticketNumber).stream()
        .map(p -> new TicketView.Pause(p.reason(), p.from(), p.to()))
        .toList();
    return new Clocks(latest, List.copyOf(stints), pauses);
  }

  @Override
  public Map<Long, Map<String, java.time.Instant>> openSlaDue(java.util.Collection<Long> ticketNumbers) {
    Map<Long, Map<String, java.time.Instant>> due = new java.util.HashMap<>();
    for (ClockStint stint : clocks.stints(ticketNumbers)) {
      if (stint.clock().isOla()) {
        continue;
      }
      Map<String, java.time.Instant> ticket = due.computeIfAbsent(stint.ticketNumber(), n -> new java.util.HashMap<>());
      // Oldest first: a later stint of the clock replaces an earlier one.
      if (stint.isOpen()) {
        ticket.put(stint.clock().value(), clocks.dueAt(stint, 100));
      } else {
        ticket.remove(stint.clock().value());
      }
    }
    return due;
  }

  private TicketView.Clock view(ClockStint stint, List<EscalationOutbox.Entry> mails) {
    return new TicketView.Clock(
        stint.state().code(),
        clocks.dueAt(stint, 100),
        ladder.dueAt(stint, Rung.INTERNAL).orElse(null),
        clocks.remaining(stint).toString(),
        stint.calendar(),
        mails.stream().flatMap(mail -> mail.rungs().stream()
                .filter(rung -> rung.stintId() == stint.id())
                .map(rung -> new TicketView.Escalation(rung.rung(), rung.level(), rung.dueAt(), mail.sentAt(),
                    String.join(", ", mail.mail().to()))))
            .toList());
  }

  @Override
  public void policyChanged(String processInstanceId, long ticketNumber) {
    Map<String, Object> inputs = runtimeService.getVariables(processInstanceId,
        List.of(TIER, PRIORITY, CATEGORY, CUSTOMER_ID));
    DecisionDefinition latest = OlaDeadlines.latest(repositoryService, SLA_DECISION);
    DmnDecisionRuleResult policy = decisionService.evaluateDecisionTableById(latest.getId())
        .variables(inputs).evaluate().getSingleResult();
    if (policy == null) {
      throw new IllegalStateException("Decision " + SLA_DECISION + " has no row for " + inputs);
    }
    String calendar = policy.getEntry("calendar");
    Integer internal = policy.getEntry("internalTargetPercent");
    runtimeService.setVariables(processInstanceId, Map.of(
        FIRST_RESPONSE_TARGET, policy.getEntry("firstResponseTarget"),
        RESOLUTION_TARGET, policy.getEntry("resolutionTarget"),
        SLA_CALENDAR, calendar,
        INTERNAL_TARGET_PERCENT, internal));
    String decision = OlaDeadlines.version(latest);
    rebudget(ticketNumber, ClockName.FIRST_RESPONSE,
        new Budget(Duration.parse(policy.getEntry("firstResponseTarget")), calendar, decision), internal);
    rebudget(ticketNumber, ClockName.RESOLUTION,
        new Budget(Duration.parse(policy.getEntry("resolutionTarget")), calendar, decision), internal);
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    String priority = (String) inputs.get(PRIORITY);
    if (task != null) {
      TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
        String team = userTask.team().code();
        Budget ola = olaDeadlines.budget(team, priority);
        clocks.open(ticketNumber, ClockName.ola(team)).ifPresent(current -> {
          ClockStint changed = clocks.rebudget(current, ola, null);
          task.setDueDate(Date.from(clocks.dueAt(changed, 100)));
        });
        task.setPriority(TicketUrgency.taskPriority(Coded.fromCode(Priority.class, priority).orElseThrow(),
            Coded.fromCode(Tier.class, (String) inputs.get(TIER)).orElseThrow()));
        taskService.saveTask(task);
      });
    }
    timers.reschedule(processInstanceId, ticketNumber);
  }

  private void rebudget(long ticketNumber, ClockName name, Budget budget, Integer internal) {
    clocks.open(ticketNumber, name).ifPresent(current -> clocks.rebudget(current, budget, internal));
  }
}
