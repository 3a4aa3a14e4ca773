package org.slaescalation.ticket;

import static org.slaescalation.ticket.TicketVariables.*;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slaescalation.team.Team;
import org.slaescalation.conversation.Conversation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.slaescalation.engine.Collisions;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens tickets as process instances, reads them back and records customer replies. */
@Service
public class TicketService {

  /** Result of opening a ticket; {@code created} is false when the external id was seen before. */
  public record OpenedTicket(String id, Instant createdAt, boolean created) {}

  /**
   * Published, in the transaction that recorded it, when a customer's reply was added to the conversation of a
   * ticket that is still open: the forms of its open tasks show it.
   */
  public record CustomerReplied(long ticketNumber, String processInstanceId) {}

  /** Result of recording a customer reply. */
  public record RecordedReply(String ticketId, Instant receivedAt, boolean resumed, String status) {}

  private final TicketRepository repository;
  private final TicketListing listing;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final TransactionTemplate transaction;
  private final TicketClockAccess clocks;
  private final Conversation conversation;
  private final ApplicationEventPublisher events;
  private final KnownCustomers customers;
  private final Validator validator;
  private final Clock clock;

  TicketService(TicketRepository repository, TicketListing listing, RuntimeService runtimeService,
      TaskService taskService, HistoryService historyService, TransactionTemplate transaction,
      TicketClockAccess clocks, Conversation conversation, ApplicationEventPublisher events,
      KnownCustomers customers, Validator validator, Clock clock) {
    this.repository = repository;
    this.listing = listing;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.transaction = transaction;
    this.clocks = clocks;
    this.conversation = conversation;
    this.events = events;
    this.customers = customers;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Opens a ticket: registers it and starts its process instance in one transaction. A repeated
   * external id returns the ticket opened first, also when two requests race.
   *
   * <p>With the id of a known customer, the customer fields the ticket leaves out (null or blank) are the
   * record's ({@link #completed}); fields it gives win. The completed ticket must then be valid, or
   * {@link InvalidTicketException} names every bad field: with an unknown customer id, every customer field is
   * required.
   */
  public OpenedTicket open(NewTicket requested) {
    NewTicket ticket = completed(requested);
    List<InvalidTicketException.FieldProblem> problems = validator.validate(ticket).stream()
        .map(violation -> new InvalidTicketException.FieldProblem(violation.getPropertyPath().toString(),
            violation.getMessage()))
        .sorted(Comparator.comparing(InvalidTicketException.FieldProblem::field))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidTicketException(problems);
    }
    String externalId = ticket.externalId() == null || ticket.externalId().isBlank() ? null : ticket.externalId();
    if (externalId != null) {
      Optional<OpenedTicket> existing = findByExternalId(externalId);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    try {
      return Collisions.retried(() -> transaction.execute(status -> start(ticket, externalId)));
    } catch (DuplicateKeyException raceLost) {
      return findByExternalId(externalId).orElseThrow(() -> raceLost);
    }
  }

  /**
   * The ticket with the customer fields it leaves out (null or blank) taken from the record of its customer, when
   * {@code customer.id} names a known customer; otherwise the ticket as it is.
   */
  public NewTicket completed(NewTicket ticket) {
    NewTicket.Customer given = ticket.customer();
    if (given == null || given.id() == null || given.id().isBlank()) {
      return ticket;
    }
    return customers.customer(given.id())
        .map(record -> new NewTicket(ticket.externalId(), ticket.subject(), ticket.description(), ticket.priority(),
            ticket.category(), new NewTicket.Customer(given.id(), or(given.name(), record.name()),
                or(given.email(), record.email()), or(given.tier(), record.tier()),
                or(given.timeZone(), record.timeZone()))))
        .orElse(ticket);
  }

  private static String or(String given, String recorded) {
    return given == null || given.isBlank() ? recorded : given;
  }

  /** The id of the ticket opened with this external id, if any. */
  public Optional<String> idByExternalId(String externalId) {
    return findByExternalId(externalId).map(OpenedTicket::id);
  }

  private Optional<OpenedTicket> findByExternalId(String externalId) {
    return repository.findByExternalId(externalId).map(row -> new OpenedTicket(row.id(), row.createdAt(), false));
  }

  private OpenedTicket start(NewTicket ticket, String externalId) {
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = TicketId.of(repository.insert(externalId, createdAt));
    VariableMap variables = Variables.createVariables()
        .putValue(TICKET_ID, id)
        .putValue(EXTERNAL_ID, externalId)
        .putValue(CREATED_AT, Date.from(createdAt))
        .putValue(SUBJECT, ticket.subject())
        .putValue(DESCRIPTION, ticket.description())
        .putValue(PRIORITY, ticket.priority())
        .putValue(CATEGORY, ticket.category())
        .putValue(CUSTOMER_ID, ticket.customer().id())
        .putValue(CUSTOMER_NAME, ticket.customer().name())
        .putValue(CUSTOMER_EMAIL, ticket.customer().email())
        .putValue(TIER, ticket.customer().tier())
        .putValue(CUSTOMER_TIME_ZONE, ticket.customer().timeZone());
    runtimeService.startProcessInstanceByKey(TicketProcess.PROCESS_KEY, id, variables);
    return new OpenedTicket(id, createdAt, true);
  }

  /** The ticket with its status and the team that holds it. */
  public TicketView get(String ticketId) {
    HistoricProcessInstance instance = instance(ticketId);
    Map<String, Object> vars = variables(instance.getId());
    // Normally one task; an operator's modification may have started another: show the oldest.
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc()
        .listPage(0, 1).stream().findFirst().orElse(null);
    String status = status(instance, task);
    String team = switch (status) {
      case TicketView.CLOSED, TicketView.CANCELLED -> null;
      default -> task == null ? Team.SUPPORT.code() : team(task);
    };
    Map<String, String> notes = new LinkedHashMap<>();
    putIfPresent(notes, Team.SUPPORT.code(), vars.get(SUPPORT_NOTE));
    putIfPresent(notes, Team.ENGINEERING.code(), vars.get(ENGINEERING_NOTE));
    putIfPresent(notes, Team.SYSADMIN.code(), vars.get(SYSADMIN_NOTE));
    putIfPresent(notes, "closing", vars.get(CLOSING_NOTE));
    TicketClockAccess.Clocks ticketClocks = clocks.clocks(number(ticketId));
    return new TicketView(
        ticketId,
        text(vars.get(EXTERNAL_ID)),
        instant(vars.get(CREATED_AT)),
        closedAt(ticketId, instance, status),
        status,
        team,
        text(vars.get(SUBJECT)),
        text(vars.get(DESCRIPTION)),
        text(vars.get(PRIORITY)),
        text(vars.get(CATEGORY)),
        new TicketView.Customer(text(vars.get(CUSTOMER_ID)), text(vars.get(CUSTOMER_NAME)),
            text(vars.get(CUSTOMER_EMAIL)), text(vars.get(TIER)), text(vars.get(CUSTOMER_TIME_ZONE))),
        vars.containsKey(FIRST_RESPONSE_TARGET)
            ? new TicketView.Sla(text(vars.get(FIRST_RESPONSE_TARGET)), text(vars.get(RESOLUTION_TARGET)),
                text(vars.get(SLA_CALENDAR)),
                vars.get(INTERNAL_TARGET_PERCENT) instanceof Integer percent ? percent : null)
            : null,
        task == null ? null : new TicketView.CurrentTask(task.getId(), task.getName(), team(task),
            task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getPriority()),
        notes,
        text(vars.get(LAST_CUSTOMER_REPLY)),
        ticketClocks.clocks(),
        ticketClocks.stints(),
        ticketClocks.pauses(),
        conversation.messages(number(ticketId)).stream().map(message -> new TicketView.Entry(message.at(),
            message.direction().code(), message.author(), message.team(), message.text())).toList());
  }

  /**
   * One page of the tickets that match {@code filter}, newest first: the tickets are filtered and counted in the
   * database, then the page's rows read with one variable query and one clock query, whatever the page's size.
   */
  public TicketSummary.Page list(TicketFilter filter) {
    TicketListing.Found found = listing.find(filter);
    if (found.rows().isEmpty()) {
      return new TicketSummary.Page(List.of(), filter.page(), filter.size(), found.total());
    }
    Map<String, Map<String, Object>> vars = rowVariables(found.rows());
    Map<Long, Map<String, Instant>> due = clocks.openSlaDue(found.rows().stream().map(TicketListing.Row::number)
        .toList());
    List<TicketSummary> items = found.rows().stream().map(row -> {
      Map<String, Object> v = vars.getOrDefault(row.processInstanceId(), Map.of());
      Map<String, Instant> slaDue = due.getOrDefault(row.number(), Map.of());
      return new TicketSummary(TicketId.of(row.number()), text(v.get(SUBJECT)), row.status(), team(row),
          new TicketSummary.Customer(text(v.get(CUSTOMER_ID)), text(v.get(CUSTOMER_NAME))), text(v.get(TIER)),
          text(v.get(PRIORITY)), row.createdAt(), row.closedAt(), row.breached(), row.atRisk(),
          slaDue.get("first-response"), slaDue.get("resolution"));
    }).toList();
    return new TicketSummary.Page(items, filter.page(), filter.size(), found.total());
  }

  /**
   * Every open ticket (not closed or cancelled) held by one of {@code teams}, of {@code tier} and {@code priority}
   * when they are given, in no order: the SLA board's tickets. Read with the listing's query and one variable query,
   * whatever their number; the board adds the clocks.
   */
  public List<OpenTicket> openTickets(Set<Team> teams, String tier, String priority) {
    List<TicketListing.Row> rows = listing.open(teams, tier, priority);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> vars = rowVariables(rows);
    return rows.stream().map(row -> {
      Map<String, Object> v = vars.getOrDefault(row.processInstanceId(), Map.of());
      String ticketId = TicketId.of(row.number());
      OpenTicket.Task task = row.taskId() == null ? null : new OpenTicket.Task(row.taskId(),
          TicketProcess.userTask(row.taskKey()).map(userTask -> userTask.taskName(ticketId)).orElse(null));
      return new OpenTicket(row.number(), ticketId, text(v.get(SUBJECT)), row.status(), team(row),
          new TicketSummary.Customer(text(v.get(CUSTOMER_ID)), text(v.get(CUSTOMER_NAME))), text(v.get(TIER)),
          text(v.get(PRIORITY)), row.createdAt(), task);
    }).toList();
  }

  /**
   * Every ticket opened from {@code from} (inclusive) to {@code to} (exclusive) with the segment it belongs to, in
   * ticket number order: the tickets of a compliance report. Read with the listing's query and one variable query,
   * whatever their number; the report adds the clocks.
   */
  public List<TicketSegment> openedBetween(Instant from, Instant to) {
    List<TicketListing.Row> rows = listing.openedBetween(from, to);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> vars = rowVariables(rows, CATEGORY);
    return rows.stream().map(row -> {
      Map<String, Object> v = vars.getOrDefault(row.processInstanceId(), Map.of());
      return new TicketSegment(row.number(), TicketId.of(row.number()), row.status(), row.createdAt(),
          text(v.get(TIER)), text(v.get(PRIORITY)), text(v.get(CATEGORY)), text(v.get(CUSTOMER_ID)), row.taskId());
    }).toList();
  }

  /** The variables a listed row shows (and {@code more}), of every row with one query, by process instance id. */
  private Map<String, Map<String, Object>> rowVariables(List<TicketListing.Row> rows, String... more) {
    List<String> names = new ArrayList<>(List.of(SUBJECT, CUSTOMER_ID, CUSTOMER_NAME, TIER, PRIORITY));
    names.addAll(List.of(more));
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(rows.stream().map(TicketListing.Row::processInstanceId).toArray(String[]::new))
        .variableNameIn(names.toArray(String[]::new))
        .disableCustomObjectDeserialization()
        .list()) {
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        vars.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return vars;
  }

  /** The team that holds a listed ticket, as {@link #get} says: none once ended, support between two steps. */
  private static String team(TicketListing.Row row) {
    return switch (row.status()) {
      case TicketView.CLOSED, TicketView.CANCELLED -> null;
      default -> row.taskKey() == null ? Team.SUPPORT.code()
          : TicketProcess.userTask(row.taskKey()).map(task -> task.team().code()).orElse(null);
    };
  }

  /**
   * Changes the ticket's priority or tier (the customer's segment): the policy is evaluated again and the clocks
   * rescheduled; the time already spent still counts. A closed ticket cannot change.
   */
  public TicketView change(String ticketId, TicketChange change) {
    Collisions.retried(() -> transaction.execute(status -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(TicketProcess.PROCESS_KEY)
          .processInstanceBusinessKey(ticketId)
          .singleResult();
      if (instance == null) {
        instance(ticketId);
        throw new TicketClosedException(ticketId);
      }
      if (TicketProcess.MESSAGE_REPLY_AFTER_CLOSING.equals(awaitedCustomerMessage(instance.getId()))) {
        throw new TicketClosedException(ticketId);
      }
      Map<String, Object> changed = new HashMap<>();
      if (change.priority() != null) {
        changed.put(PRIORITY, change.priority());
      }
      if (change.tier() != null) {
        changed.put(TIER, change.tier());
      }
      runtimeService.setVariables(instance.getId(), changed);
      // The open task's copies, which its Tasklist row and form show (TicketVariables.TASKLIST_ROW).
      taskService.createTaskQuery().processInstanceId(instance.getId()).list()
          .forEach(task -> taskService.setVariablesLocal(task.getId(), changed));
      clocks.policyChanged(instance.getId(), number(ticketId));
      return null;
    }));
    return get(ticketId);
  }

  private static long number(String ticketId) {
    return TicketId.number(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
  }

  /** Records a customer reply and, when the ticket waits for the customer, resumes it. */
  public RecordedReply recordReply(String ticketId, String message) {
    return recordReply(ticketId, message, null, null);
  }

  /**
   * Records a customer reply in the ticket's conversation and, when the ticket waits for the customer, resumes it;
   * {@code author} is the sender's address and {@code messageId} the mail's Message-ID (both null when the reply came
   * through the API). A Message-ID recorded before is recorded once.
   */
  public RecordedReply recordReply(String ticketId, String message, String author, String messageId) {
    long number = TicketId.number(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    repository.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(ticketId));
    RecordedReply recorded = Collisions.retried(() -> transaction.execute(status -> {
      if (messageId != null) {
        var known = conversation.byMessageId(messageId);
        if (known.isPresent()) {
          return new RecordedReply(ticketId, known.get().at(), false, null);
        }
      }
      Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      // First in the conversation, so that the task the reply resumes shows it.
      conversation.recordInbound(number, author, message, receivedAt, messageId);
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(TicketProcess.PROCESS_KEY)
          .processInstanceBusinessKey(ticketId)
          .singleResult();
      boolean resumed = false;
      if (instance != null) {
        Map<String, Object> reply = Map.of(LAST_CUSTOMER_REPLY, message, LAST_CUSTOMER_REPLY_AT, Date.from(receivedAt));
        // Waiting on the customer, the reply resumes the ticket; in the reopen window after closing, it reopens it.
        String waitingFor = awaitedCustomerMessage(instance.getId());
        if (waitingFor != null) {
          runtimeService.createMessageCorrelation(waitingFor)
              .processInstanceId(instance.getId())
              .setVariables(reply)
              .correlate();
          resumed = true;
        } else {
          runtimeService.setVariables(instance.getId(), reply);
        }
        events.publishEvent(new CustomerReplied(number, instance.getId()));
      }
      return new RecordedReply(ticketId, receivedAt, resumed, null);
    }));
    return new RecordedReply(ticketId, recorded.receivedAt(), recorded.resumed(), get(ticketId).status());
  }

  private HistoricProcessInstance instance(String ticketId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY)
        .processInstanceBusinessKey(ticketId)
        .singleResult();
    if (instance == null) {
      throw new TicketNotFoundException(ticketId);
    }
    return instance;
  }

  /**
   * The customer's message the ticket waits for, in one query: {@code CustomerReplyReceived} while it waits on the
   * customer, {@code CustomerRepliedAfterClosing} while it is closed and waits out its reopen window
   * ({@code escalation.reopen-within}); null when it waits for neither.
   */
  private String awaitedCustomerMessage(String processInstanceId) {
    List<String> names = runtimeService.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId)
        .eventType("message")
        .list().stream().map(EventSubscription::getEventName).toList();
    return names.contains(TicketProcess.MESSAGE_REPLY_AFTER_CLOSING) ? TicketProcess.MESSAGE_REPLY_AFTER_CLOSING
        : names.contains(TicketProcess.MESSAGE_CUSTOMER_REPLY) ? TicketProcess.MESSAGE_CUSTOMER_REPLY : null;
  }

  private String status(HistoricProcessInstance instance, Task task) {
    if (instance.getEndTime() != null) {
      return wasCancelled(instance.getState(), instance.getDeleteReason())
          ? TicketView.CANCELLED : TicketView.CLOSED;
    }
    String awaited = awaitedCustomerMessage(instance.getId());
    if (TicketProcess.MESSAGE_REPLY_AFTER_CLOSING.equals(awaited)) {
      return TicketView.CLOSED;
    }
    if (TicketProcess.MESSAGE_CUSTOMER_REPLY.equals(awaited)) {
      return TicketView.WAITING_ON_CUSTOMER;
    }
    if (task != null && TicketProcess.TASK_CONFIRM_RESOLUTION.equals(task.getTaskDefinitionKey())) {
      return TicketView.RESOLVED;
    }
    return TicketView.OPEN;
  }

  /** When a closed ticket closed (the start of its reopen window), or a cancelled one ended; null while open. */
  private Instant closedAt(String ticketId, HistoricProcessInstance instance, String status) {
    if (!TicketView.CLOSED.equals(status) && !TicketView.CANCELLED.equals(status)) {
      return null;
    }
    return repository.closedAt(number(ticketId))
        .orElseGet(() -> instance.getEndTime() == null ? null : instance.getEndTime().toInstant());
  }

  private static String team(Task task) {
    return TicketProcess.userTask(task.getTaskDefinitionKey())
        .map(userTask -> userTask.team().code())
        .orElse(null);
  }

  /** The ticket's process-level variables (the latest value of each). */
  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization()
        .list()) {
      if (processInstanceId.equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  /**
   * A variable's text, or null: variables are read defensively, because an administrator can set any variable to
   * any type through Camunda's REST API, and the ticket must still be shown.
   */
  private static String text(Object value) {
    return value instanceof String text ? text : null;
  }

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }

  private static void putIfPresent(Map<String, String> map, String key, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      map.put(key, text);
    }
  }

  /**
   * Whether an ended ticket process instance was cancelled (deleted through Cockpit, the REST or Java API) rather
   * than closed at its end event: terminated, or deleted with a reason. The REST API deletes without a reason but
   * as terminated; the Java API's shorter {@code deleteProcessInstance} records a completion, with the reason.
   */
  public static boolean wasCancelled(String historicState, String deleteReason) {
    return HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(historicState)
        || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(historicState)
        || deleteReason != null;
  }
}
