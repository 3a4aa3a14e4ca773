package org.slaescalation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.slaescalation.model.ProcessModelRule.DIAGRAM_INTERCHANGE;
import static org.slaescalation.model.ProcessModelRule.FLOW_NODES_NAMED;
import static org.slaescalation.model.ProcessModelRule.LADDER_TIMERS_MAPPED;
import static org.slaescalation.model.ProcessModelRule.HISTORY_TIME_TO_LIVE;
import static org.slaescalation.model.ProcessModelRule.NO_DISCONNECTED_NODES;
import static org.slaescalation.model.ProcessModelRule.NO_GENERATED_IDS;
import static org.slaescalation.model.ProcessModelRule.USER_TASKS_WIRED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every BPMN model in processes/ keeps the project's rules ({@link ProcessModelRule}); and a model broken the way
 * models get broken (a generated id, an unnamed task, a dangling element, a user task without its OLA timer) fails
 * with a message that names the element.
 */
class ProcessModelRulesTest {

  private static final Path MODELS = Path.of("processes");

  static Stream<Arguments> everyRuleOnEveryModel() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.list(MODELS)) {
      models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).as("BPMN models in %s", MODELS).isNotEmpty();
    return models.stream().flatMap(model -> Arrays.stream(ProcessModelRule.values())
        .map(rule -> Arguments.of(model.getFileName().toString(), rule)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyRuleOnEveryModel")
  void everyModelKeepsEveryRule(String file, ProcessModelRule rule) {
    assertKeeps(rule, file, Bpmn.readModelFromFile(MODELS.resolve(file).toFile()));
  }

  private static void assertKeeps(ProcessModelRule rule, String file, BpmnModelInstance model) {
    List<ProcessModelRule.Violation> violations = rule.check(model, MODELS);
    if (!violations.isEmpty()) {
      fail(violations.stream().map(violation -> file + ": " + violation)
          .collect(Collectors.joining("\n  ", "Rule " + rule + " (" + rule.description() + ") broken:\n  ", "")));
    }
  }

  private static BpmnModelInstance shippedModel() {
    return Bpmn.readModelFromFile(MODELS.resolve("ticket-escalation.bpmn").toFile());
  }

  private static List<String> offenders(ProcessModelRule rule, BpmnModelInstance model) {
    return rule.check(model, MODELS).stream().map(ProcessModelRule.Violation::elementId).toList();
  }

  private static ModelElementInstance element(BpmnModelInstance model, String id) {
    return element(model, id, ModelElementInstance.class);
  }

  private static <T extends ModelElementInstance> T element(BpmnModelInstance model, String id, Class<T> type) {
    ModelElementInstance element = model.getModelElementById(id);
    assertThat(element).as("%s in the shipped model", id).isInstanceOf(type);
    return type.cast(element);
  }

  private static void remove(ModelElementInstance element) {
    element.getParentElement().removeChildElement(element);
  }

  @Test
  void aBrokenModelFailsWithAMessageNamingTheElement() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_TriageTicket").removeAttribute("name");

    assertThatThrownBy(() -> assertKeeps(FLOW_NODES_NAMED, "ticket-escalation.bpmn", model))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ticket-escalation.bpmn: Task_TriageTicket has no name");
  }

  @Test
  void generatedIdsAreReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_InvestigateTicket", BaseElement.class).setId("Activity_0x1y2z3");
    element(model, "Flow_FollowUpToOutcome", BaseElement.class).setId("Flow_1ab2cd3");
    element(model, "StartEvent_TicketReceived", BaseElement.class).setId("StartEvent_1");

    assertThat(offenders(NO_GENERATED_IDS, model))
        .containsExactlyInAnyOrder("Activity_0x1y2z3", "Flow_1ab2cd3", "StartEvent_1");
  }

  @Test
  void idsThatSayWhatTheElementIsAreNotMistakenForGeneratedOnes() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_TriageTicket", BaseElement.class).setId("Task_Triage2");
    element(model, "Task_FollowUpTicket", BaseElement.class).setId("Gateway_abcdefg");

    assertThat(offenders(NO_GENERATED_IDS, model)).isEmpty();
  }

  @Test
  void anUnnamedTaskIsReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_TriageTicket").removeAttribute("name");

    assertThat(offenders(FLOW_NODES_NAMED, model)).containsExactly("Task_TriageTicket");
  }

  @Test
  void namesThatDoNotReadLikeTheBusinessAreReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_InvestigateTicket").setAttributeValue("name", "Investigate");
    element(model, "Task_FixInfrastructure").setAttributeValue("name", "fix infrastructure");
    element(model, "EndEvent_TicketClosed").setAttributeValue("name", "Closed");
    element(model, "Gateway_InfrastructureOutcome").setAttributeValue("name", "Infrastructure fixed");
    element(model, "Flow_InfrastructureResolved").removeAttribute("name");

    assertThat(offenders(FLOW_NODES_NAMED, model)).containsExactlyInAnyOrder("Task_InvestigateTicket",
        "Task_FixInfrastructure", "EndEvent_TicketClosed", "Gateway_InfrastructureOutcome",
        "Flow_InfrastructureResolved");
  }

  @Test
  void aDisconnectedTaskIsReported() {
    // Someone draws a shortcut around the task and leaves the task dangling in the diagram.
    BpmnModelInstance model = shippedModel();
    element(model, "Flow_InvestigationJoinToInvestigate", SequenceFlow.class)
        .setTarget(element(model, "Gateway_InvestigationOutcome", FlowNode.class));
    remove(element(model, "Flow_InvestigateToOutcome"));

    assertThat(offenders(NO_DISCONNECTED_NODES, model)).containsExactly("Task_InvestigateTicket");
  }

  @Test
  void anElementLeadingNowhereIsReported() {
    BpmnModelInstance model = shippedModel();
    remove(element(model, "Flow_RecordToEscalationsRecorded"));

    assertThat(offenders(NO_DISCONNECTED_NODES, model))
        .containsExactlyInAnyOrder("Task_RecordEscalations", "EndEvent_EscalationsRecorded");
  }

  @Test
  void aUserTaskWithoutOlaTimerIsReported() {
    BpmnModelInstance model = shippedModel();
    for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo().getId().equals("Task_FollowUpTicket")).toList()) {
      List.copyOf(timer.getOutgoing()).forEach(ProcessModelRulesTest::remove);
      remove(timer);
    }

    assertThat(offenders(USER_TASKS_WIRED, model)).containsExactly("Task_FollowUpTicket");
  }

  @Test
  void aTimerAddedWithoutItsClockAndRungFailsTheBuild_namingTheTimer() {
    BpmnModelInstance model = shippedModel();
    BoundaryEvent copy = model.newInstance(BoundaryEvent.class);
    copy.setId("BoundaryEvent_TriageOlaReminder");
    copy.setName("Support OLA reminder");
    copy.setCancelActivity(false);
    copy.setAttachedTo(element(model, "Task_TriageTicket", org.camunda.bpm.model.bpmn.instance.Activity.class));
    TimerEventDefinition definition = model.newInstance(TimerEventDefinition.class);
    org.camunda.bpm.model.bpmn.instance.TimeDate date = model.newInstance(
        org.camunda.bpm.model.bpmn.instance.TimeDate.class);
    date.setTextContent("${clocks.due(execution, 'BoundaryEvent_TriageOlaReminder')}");
    definition.setTimeDate(date);
    copy.getEventDefinitions().add(definition);
    element(model, "SubProcess_ResolveTicket").addChildElement(copy);

    assertThatThrownBy(() -> assertKeeps(LADDER_TIMERS_MAPPED, "ticket-escalation.bpmn", model))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("BoundaryEvent_TriageOlaReminder has no clock and rung");
    assertThatThrownBy(() -> org.slaescalation.process.LadderTimerMap.timers(model))
        .as("the engine refuses to schedule it too")
        .hasMessageContaining("Timer BoundaryEvent_TriageOlaReminder (Support OLA reminder) has no clock and rung");
  }

  @Test
  void aTimerCopiedInTheModelerWithItsExpressionIsReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "TimerEventDefinition_InvestigationOlaWarning", TimerEventDefinition.class).getTimeDate()
        .setTextContent("${clocks.due(execution, 'BoundaryEvent_TriageOlaWarning')}");

    assertThat(offenders(LADDER_TIMERS_MAPPED, model)).containsExactly("BoundaryEvent_InvestigationOlaWarning");
  }

  @Test
  void anOlaTimerOnALiteralDateIsReported() {
    BpmnModelInstance model = shippedModel();
    for (String id : List.of("TimerEventDefinition_InvestigationOlaWarning",
        "TimerEventDefinition_InvestigationOlaExpired")) {
      element(model, id, TimerEventDefinition.class).getTimeDate().setTextContent("2030-01-01T09:00:00Z");
    }

    assertThat(offenders(USER_TASKS_WIRED, model)).containsExactly("Task_InvestigateTicket");
  }

  @Test
  void aUserTaskWithoutTeamOrDeployedFormIsReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "Task_TriageTicket", UserTask.class).removeAttributeNs(camunda(), "candidateGroups");
    element(model, "Task_ConfirmResolution", UserTask.class).setCamundaFormRef("no-such-form");
    element(model, "Task_FixInfrastructure", UserTask.class).setCamundaFormRefBinding("latest");

    assertThat(rulesReport(USER_TASKS_WIRED, model)).containsExactlyInAnyOrder(
        "Task_TriageTicket has no camunda:candidateGroups; name the team that works on it",
        "Task_ConfirmResolution refers to form no-such-form, but no .form file in processes/ has that id",
        "Task_FixInfrastructure binds its form fix-infrastructure by latest; use camunda:formRefBinding=\"deployment\""
            + " so the form that was deployed with the process is shown");
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsReported() {
    BpmnModelInstance model = shippedModel();
    element(model, "ticket-escalation", Process.class).removeAttributeNs(camunda(), "historyTimeToLive");

    assertThat(offenders(HISTORY_TIME_TO_LIVE, model)).containsExactly("ticket-escalation");
  }

  @Test
  void anElementWithoutDiagramInterchangeIsReported() {
    BpmnModelInstance model = shippedModel();
    FlowNode task = element(model, "Task_FixInfrastructure", FlowNode.class);
    model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() == task)
        .toList()
        .forEach(ProcessModelRulesTest::remove);

    assertThat(offenders(DIAGRAM_INTERCHANGE, model)).containsExactly("Task_FixInfrastructure");
  }

  private static List<String> rulesReport(ProcessModelRule rule, BpmnModelInstance model) {
    return rule.check(model, MODELS).stream().map(ProcessModelRule.Violation::toString).toList();
  }

  private static String camunda() {
    return "http://camunda.org/schema/1.0/bpmn";
  }
}
