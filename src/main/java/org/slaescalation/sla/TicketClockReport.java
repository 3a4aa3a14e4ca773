package org.slaescalation.sla;

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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slaescalation.ticket.Coded;
import org.slaescalation.ticket.Priority;
import org.slaescalation.ticket.TicketClockAccess;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketView;
import org.slaescalation.ticket.Tier;
import org.springframework.stereotype.Service;

/** The clocks as the ticket API shows and changes them. */
@Service
public class TicketClockReport implements TicketClockAccess {

  static final String SLA_DECISION = "SlaPolicy";

  private final SlaClocks clocks;
  private final ClockRepository repository;
  private final OlaDeadlines olaDeadlines;
  private final TimerSchedule timers;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  public TicketClockReport(SlaClocks clocks, ClockRepository repository, OlaDeadlines olaDeadlines,
      TimerSchedule timers, DecisionService decisionService, RuntimeService runtimeService,
      TaskService taskService) {
    this.clocks = clocks;
    this.repository = repository;
    this.olaDeadlines = olaDeadlines;
    this.timers = timers;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public Map<String, TicketView.Clock> clocks(long ticketNumber) {
    List<ClockRepository.SentEscalation> sent = repository.sent(ticketNumber);
    Map<String, TicketView.Clock> views = new LinkedHashMap<>();
    for (TicketClock clock : clocks.clocks(ticketNumber)) {
      views.put(clock.clock(), new TicketView.Clock(
          clock.state().code(),
          clocks.dueAt(clock, Rung.BREACH),
          clocks.percent(clock, Rung.INTERNAL).map(p -> clocks.dueAt(clock, Rung.INTERNAL)).orElse(null),
          clocks.remaining(clock).toString(),
          clock.calendar(),
          sent.stream().filter(s -> s.clock().equals(clock.clock()))
              .map(s -> new TicketView.Escalation(s.rung(), s.level(), s.due(), s.sentAt(), s.recipients()))
              .toList()));
    }
    return views;
  }

  @Override
  public List<TicketView.Pause> pauses(long ticketNumber) {
    return repository.pauses(ticketNumber).stream()
        .map(p -> new TicketView.Pause(p.reason(), p.from(), p.to()))
        .toList();
  }

  @Override
  public void policyChanged(String processInstanceId, long ticketNumber) {
    Map<String, Object> inputs = runtimeService.getVariables(processInstanceId,
        List.of(TIER, PRIORITY, CATEGORY, CUSTOMER_ID));
    DmnDecisionRuleResult policy = decisionService.evaluateDecisionTableByKey(SLA_DECISION)
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
    rebudget(ticketNumber, TicketClock.FIRST_RESPONSE, Duration.parse(policy.getEntry("firstResponseTarget")),
        calendar, internal);
    rebudget(ticketNumber, TicketClock.RESOLUTION, Duration.parse(policy.getEntry("resolutionTarget")),
        calendar, internal);
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    String priority = (String) inputs.get(PRIORITY);
    if (task != null) {
      TicketProcess.userTask(task.getTaskDefinitionKey()).ifPresent(userTask -> {
        String team = userTask.team().code();
        OlaDeadlines.OlaBudget ola = olaDeadlines.budget(team, priority);
        clocks.find(ticketNumber, TicketClock.ola(team)).filter(c -> c.stoppedAt() == null).ifPresent(current -> {
          TicketClock changed = clocks.rebudget(current, ola.budget(), ola.calendar(), null);
          task.setDueDate(Date.from(clocks.dueAt(changed, Rung.BREACH)));
        });
        task.setPriority(TicketUrgency.taskPriority(Coded.fromCode(Priority.class, priority).orElseThrow(),
            Coded.fromCode(Tier.class, (String) inputs.get(TIER)).orElseThrow()));
        taskService.saveTask(task);
      });
    }
    timers.reschedule(processInstanceId, ticketNumber);
  }

  private void rebudget(long ticketNumber, String name, Duration budget, String calendar, Integer internal) {
    clocks.find(ticketNumber, name).filter(c -> c.stoppedAt() == null)
        .ifPresent(current -> clocks.rebudget(current, budget, calendar, internal));
  }
}
