package org.slaescalation.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slaescalation.clock.ClockName;
import org.slaescalation.ladder.Rung;

/**
 * Which clock and rung each timer of the ticket model waits for, as the model states it once, on the timer: the
 * extension properties {@code clock} ({@code first-response}, {@code resolution}, {@code ola-<team>}) and
 * {@code rung} ({@code internal}, {@code warning}, {@code critical}, {@code breach}). Read by the timers' due
 * dates, the rescheduling, the review page and (in {@code tools/review-ui/report.mjs}) the static report.
 *
 * <p>The timers of the customer wait are not on the ladder: they name what they are with the property {@code timer}
 * ({@link #WAITING_TIMERS}) and count business days from the start of the wait ({@link WaitingTimers}).
 */
public final class LadderTimerMap {

  /** A ladder timer: its element id and name, and the clock and rung it waits for. */
  public record Timer(String id, String name, ClockName clock, Rung rung) {}

  /** The values of the property {@code timer} of the timers that are not on the ladder. */
  public static final java.util.Set<String> WAITING_TIMERS = java.util.Set.of(WaitingTimers.REMINDER,
      WaitingTimers.CLOSE);

  private LadderTimerMap() {}

  /** The property {@code timer} of a timer of the customer wait; empty for a ladder timer. */
  public static Optional<String> waitingTimer(BaseElement event) {
    return property(event, "timer");
  }

  /**
   * Every timer boundary event of {@code model} (the ladder) by id. A timer without both properties, or with a clock
   * or rung that does not exist, fails with a message naming the timer.
   */
  public static Map<String, Timer> timers(BpmnModelInstance model) {
    Map<String, Timer> timers = new LinkedHashMap<>();
    for (TimerEventDefinition definition : model.getModelElementsByType(TimerEventDefinition.class)) {
      if (!(definition.getParentElement() instanceof BoundaryEvent event) || waitingTimer(event).isPresent()) {
        continue;
      }
      String clock = property(event, "clock").orElse(null);
      String rung = property(event, "rung").orElse(null);
      if (clock == null || rung == null) {
        throw new IllegalStateException("Timer " + event.getId() + " (" + event.getAttributeValue("name")
            + ") has no clock and rung: add the extension properties clock (first-response, resolution or"
            + " ola-<team>) and rung (internal, warning, critical or breach)");
      }
      try {
        timers.put(event.getId(), new Timer(event.getId(), event.getAttributeValue("name"), ClockName.of(clock),
            Rung.of(rung)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Timer " + event.getId() + ": " + e.getMessage(), e);
      }
    }
    return timers;
  }

  /**
   * The ids of the model's timers that are not on the ladder: the timers of the customer wait and the intermediate
   * timers (the reopen window). Nothing moves them when a clock pauses or gets a new budget.
   */
  public static java.util.Set<String> otherTimers(BpmnModelInstance model) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (TimerEventDefinition definition : model.getModelElementsByType(TimerEventDefinition.class)) {
      if (definition.getParentElement() instanceof BaseElement event
          && (!(event instanceof BoundaryEvent) || waitingTimer(event).isPresent())) {
        ids.add(event.getId());
      }
    }
    return java.util.Set.copyOf(ids);
  }

  /** What {@code event} waits for, from its extension properties; empty when it has neither or only one of them. */
  public static Optional<Timer> of(BaseElement event) {
    Optional<String> clock = property(event, "clock");
    Optional<String> rung = property(event, "rung");
    if (clock.isEmpty() || rung.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Timer(event.getId(), event.getAttributeValue("name"), ClockName.of(clock.get()),
        Rung.of(rung.get())));
  }

  private static Optional<String> property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return Optional.empty();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
