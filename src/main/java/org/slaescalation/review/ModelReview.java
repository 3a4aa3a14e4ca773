package org.slaescalation.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slaescalation.businesstime.BusinessTimeFormat;
import org.slaescalation.process.OlaDeadlines;
import org.slaescalation.team.Team;
import org.slaescalation.ticket.Priority;
import org.slaescalation.process.LadderTimerMap;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * What the review page shows of the deployed models: every process and decision definition with its versions, the
 * XML of a version, and for each element of a process version who works on it (lane, candidate groups), the team's
 * budget per priority from the latest {@code OlaBudget}, the escalation timers and the form.
 */
@Component
class ModelReview {

  private final RepositoryService repositoryService;
  private final OlaDeadlines olaDeadlines;

  ModelReview(RepositoryService repositoryService, OlaDeadlines olaDeadlines) {
    this.repositoryService = repositoryService;
    this.olaDeadlines = olaDeadlines;
  }

  /** A deployed model (a process or decision key) and its versions, newest first. */
  record Model(String key, String name, List<Version> versions) {}

  /** One deployed version of a model. */
  record Version(String id, int version, String resource, String deploymentId, Instant deployedAt) {}

  /** The deployed process and decision definitions, each key with its versions. */
  record Models(List<Model> processes, List<Model> decisions) {}

  /** A timer of the model: the clock and rung it waits for, and the expression that sets its date. */
  record TimerView(String id, String name, String clock, String rung, String timeDate) {}

  /** A team's OLA budget for one priority, as decision {@code OlaBudget} gives it. */
  record BudgetView(String priority, String budget, String readable, String calendar) {}

  /** What the review page shows on and beside one element of a process diagram. */
  record ElementView(String id, String name, String type, String lane, String candidateGroups, String team,
      String form, List<BudgetView> olaBudget, TimerView timer, List<TimerView> timers) {}

  Models models() {
    Map<String, Deployment> deployments = new HashMap<>();
    List<Model> processes = group(repositoryService.createProcessDefinitionQuery().list(),
        ProcessDefinition::getName, deployments);
    List<Model> decisions = group(repositoryService.createDecisionDefinitionQuery().list(),
        DecisionDefinition::getName, deployments);
    return new Models(processes, decisions);
  }

  private <D extends ResourceDefinition> List<Model> group(List<D> definitions, Function<D, String> name,
      Map<String, Deployment> deployments) {
    Map<String, List<D>> byKey = new LinkedHashMap<>();
    definitions.stream().sorted(Comparator.comparing(ResourceDefinition::getKey))
        .forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
    List<Model> models = new ArrayList<>();
    byKey.forEach((key, versions) -> {
      versions.sort(Comparator.comparingInt(ResourceDefinition::getVersion).reversed());
      List<Version> views = versions.stream().map(d -> {
        Deployment deployment = deployments.computeIfAbsent(d.getDeploymentId(),
            id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
        Instant deployedAt = deployment == null || deployment.getDeploymentTime() == null ? null
            : deployment.getDeploymentTime().toInstant();
        return new Version(d.getId(), d.getVersion(), d.getResourceName(), d.getDeploymentId(), deployedAt);
      }).toList();
      String latestName = name.apply(versions.get(0));
      models.add(new Model(key, latestName == null ? key : latestName, views));
    });
    return models;
  }

  Optional<String> processXml(String definitionId) {
    return process(definitionId).map(d -> read(repositoryService.getProcessModel(d.getId())));
  }

  Optional<String> decisionXml(String definitionId) {
    return decision(definitionId).map(d -> read(repositoryService.getDecisionModel(d.getId())));
  }

  Optional<List<ElementView>> elements(String definitionId) {
    return process(definitionId).map(d -> elements(repositoryService.getBpmnModelInstance(d.getId())));
  }

  private Optional<ProcessDefinition> process(String definitionId) {
    return Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
        .processDefinitionId(definitionId).singleResult());
  }

  private Optional<DecisionDefinition> decision(String definitionId) {
    return Optional.ofNullable(repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionId(definitionId).singleResult());
  }

  private List<ElementView> elements(BpmnModelInstance model) {
    Map<String, Lane> lanes = new HashMap<>();
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      lane.getFlowNodeRefs().forEach(node -> lanes.putIfAbsent(node.getId(), lane));
    }
    Map<String, List<TimerView>> timersOn = new HashMap<>();
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      timer(event).ifPresent(t -> timersOn.computeIfAbsent(event.getAttachedTo().getId(),
          id -> new ArrayList<>()).add(t));
    }
    Map<String, List<BudgetView>> budgets = new HashMap<>();
    List<ElementView> views = new ArrayList<>();
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    for (FlowNode node : nodes) {
      Lane lane = lane(node, lanes);
      String candidateGroups = node instanceof UserTask task ? task.getCamundaCandidateGroups() : null;
      Optional<Team> team = team(node, lane, lanes);
      String form = node instanceof UserTask task
          ? Optional.ofNullable(task.getCamundaFormRef()).orElse(task.getCamundaFormKey()) : null;
      List<BudgetView> olaBudget = node instanceof UserTask && team.isPresent()
          ? budgets.computeIfAbsent(team.get().code(), this::budgets) : List.of();
      TimerView timer = node instanceof BoundaryEvent event ? timer(event).orElse(null) : null;
      views.add(new ElementView(node.getId(), node.getName(), node.getElementType().getTypeName(),
          lane == null ? null : lane.getName(), candidateGroups, team.map(Team::code).orElse(null), form,
          olaBudget, timer, timersOn.getOrDefault(node.getId(), List.of())));
    }
    return views;
  }

  /** The lane of a node: its own, or that of the subprocess (or the element a boundary event is attached to). */
  private static Lane lane(FlowNode node, Map<String, Lane> lanes) {
    ModelElementInstance element = node;
    while (element != null) {
      if (element instanceof FlowNode flowNode && lanes.containsKey(flowNode.getId())) {
        return lanes.get(flowNode.getId());
      }
      element = element instanceof BoundaryEvent event ? event.getAttachedTo() : element.getParentElement();
    }
    return null;
  }

  /** The team: the user task's candidate group, else the team whose name the lane has. */
  private static Optional<Team> team(FlowNode node, Lane lane, Map<String, Lane> lanes) {
    if (node instanceof UserTask task && task.getCamundaCandidateGroups() != null) {
      Optional<Team> team = Team.fromCode(task.getCamundaCandidateGroups().strip());
      if (team.isPresent()) {
        return team;
      }
    }
    if (node instanceof BoundaryEvent event && event.getAttachedTo() instanceof UserTask task) {
      return team(task, lane(task, lanes), lanes);
    }
    if (lane == null || lane.getName() == null) {
      return Optional.empty();
    }
    return java.util.Arrays.stream(Team.values())
        .filter(t -> t.displayName().equalsIgnoreCase(lane.getName().strip())).findFirst();
  }

  private List<BudgetView> budgets(String team) {
    List<BudgetView> budgets = new ArrayList<>();
    for (Priority priority : Priority.values()) {
      try {
        org.slaescalation.clock.Budget budget = olaDeadlines.budget(team, priority.code());
        budgets.add(new BudgetView(priority.code(), budget.budget().toString(),
            BusinessTimeFormat.duration(budget.budget()), budget.calendar()));
      } catch (RuntimeException e) {
        budgets.add(new BudgetView(priority.code(), null, "no row: " + e.getMessage(), null));
      }
    }
    return budgets;
  }

  private static Optional<TimerView> timer(BoundaryEvent event) {
    return event.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).findFirst()
        .map(definition -> {
          TimeDate date = definition.getTimeDate();
          String expression = date != null ? date.getTextContent()
              : definition.getTimeDuration() != null ? definition.getTimeDuration().getTextContent()
              : definition.getTimeCycle() != null ? definition.getTimeCycle().getTextContent() : null;
          Optional<LadderTimerMap.Timer> known = LadderTimerMap.of(event);
          return new TimerView(event.getId(), event.getName(),
              known.map(timer -> timer.clock().value()).orElse(null),
              known.map(timer -> timer.rung().code()).orElse(null), expression == null ? null : expression.strip());
        });
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
