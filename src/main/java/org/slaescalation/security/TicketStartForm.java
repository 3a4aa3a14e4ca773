package org.slaescalation.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slaescalation.customer.CustomerService;
import org.slaescalation.ticket.InvalidTicketException;
import org.slaescalation.ticket.NewTicket;
import org.slaescalation.ticket.TicketProcess;
import org.slaescalation.ticket.TicketService;
import org.slaescalation.ticket.TicketVariables;
import org.slaescalation.web.CachedBodyRequest;
import org.slaescalation.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's <i>Start process → Ticket escalation</i>: the start form <i>Open ticket</i> ({@code open-ticket.form})
 * submitted to the webapps' API ({@code POST <webapps>/api/engine/engine/<engine>/process-definition/{id}/submit-form}
 * or {@code .../key/ticket-escalation/submit-form}) opens a ticket through {@link TicketService#open}, as the ticket
 * API does, instead of starting a process instance the engine would refuse ({@code RegisteredTicketsOnly}).
 *
 * <p>The form's fields {@code customerId}, {@code subject}, {@code description}, {@code priority} and
 * {@code category} become a {@link NewTicket} whose customer is the record of {@code customerId}; the ticket is
 * validated as the ticket API validates it, and opened as the session's user, so that the engine checks their
 * {@code CREATE_INSTANCE} and names them as the instance's starter. The answer is Camunda's: the process instance,
 * or Camunda's error body ({@code type}, {@code message} naming the field) that Tasklist shows. Refused: a caller
 * without a webapps login (401), without the session's CSRF token (403; Camunda's own check never sees the request,
 * because this filter answers it), or without {@code CREATE_INSTANCE} on the ticket process (403, before anything is
 * recorded). Every other way of starting the ticket process stays refused by {@link CamundaRestGuard}.
 */
class TicketStartForm extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUBMIT =
      Pattern.compile("/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/submit-form/?");
  static final String CUSTOMER_ID = TicketVariables.CUSTOMER_ID;
  /** The form's fields; a submission with any other variable is refused. */
  private static final Set<String> FIELDS = Set.of(CUSTOMER_ID, TicketVariables.SUBJECT,
      TicketVariables.DESCRIPTION, TicketVariables.PRIORITY, TicketVariables.CATEGORY);

  private final String apiPrefix;
  private final String engineName;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final TicketService tickets;
  private final CustomerService customers;

  TicketStartForm(String webappPath, String engineName, RepositoryService repositoryService,
      RuntimeService runtimeService, AuthorizationService authorizationService, IdentityService identityService,
      TicketService tickets, CustomerService customers) {
    this.apiPrefix = webappPath + "/api/engine/engine/" + engineName;
    this.engineName = engineName;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.tickets = tickets;
    this.customers = customers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || submission(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher submission = submission(request).orElseThrow();
    Optional<ProcessDefinition> definition = definition(submission);
    if (definition.isEmpty() || !TicketProcess.PROCESS_KEY.equals(definition.get().getKey())) {
      // Another process, or none: Camunda answers (and CamundaRestGuard refuses an id it cannot resolve here).
      chain.doFilter(request, response);
      return;
    }
    Optional<UserAuthentication> user = WebappSessions.user(request, engineName);
    if (user.isEmpty()) {
      error(response, HttpStatus.UNAUTHORIZED, "AuthenticationException",
          "Log in to Tasklist to open a ticket.");
      return;
    }
    if (!hasCsrfToken(request)) {
      response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
      error(response, HttpStatus.FORBIDDEN, "CsrfException", "CSRF token missing or wrong: the form must be sent"
          + " from Tasklist.");
      return;
    }
    String userId = user.get().getIdentityId();
    List<String> groups = user.get().getGroupIds();
    if (!mayOpenTickets(userId, groups)) {
      error(response, HttpStatus.FORBIDDEN, AuthorizationException.class.getSimpleName(), "The user with id '"
          + userId + "' does not have 'CREATE_INSTANCE' permission on resource '" + TicketProcess.PROCESS_KEY
          + "' of type 'ProcessDefinition': only support agents open tickets from Tasklist.");
      return;
    }
    if (!Requests.isJson(request)) {
      invalid(response, "The form is sent as JSON ({\"variables\": {...}})");
      return;
    }
    Map<String, String> values;
    try {
      values = values(CachedBodyRequest.of(request).body());
    } catch (InvalidSubmission refused) {
      invalid(response, refused.getMessage());
      return;
    }
    String customerId = values.get(CUSTOMER_ID);
    if (customerId == null || customerId.isBlank()) {
      invalid(response, "Field 'customerId' is required");
      return;
    }
    if (customers.findById(customerId.strip()).isEmpty()) {
      invalid(response, "Field 'customerId': no customer has the id '" + customerId.strip() + "'; a ticket opened"
          + " from Tasklist is for a customer with a record (/api/customers)");
      return;
    }
    NewTicket ticket = new NewTicket(null, values.get(TicketVariables.SUBJECT),
        values.get(TicketVariables.DESCRIPTION), values.get(TicketVariables.PRIORITY),
        values.get(TicketVariables.CATEGORY), new NewTicket.Customer(customerId.strip(), null, null, null, null));
    TicketService.OpenedTicket opened;
    identityService.setAuthentication(userId, groups, user.get().getTenantIds());
    try {
      opened = tickets.open(ticket);
    } catch (InvalidTicketException refused) {
      InvalidTicketException.FieldProblem first = refused.problems().get(0);
      invalid(response, "Field '" + formField(first.field()) + "' " + first.message());
      return;
    } catch (AuthorizationException refused) {
      error(response, HttpStatus.FORBIDDEN, AuthorizationException.class.getSimpleName(), refused.getMessage());
      return;
    } finally {
      identityService.clearAuthentication();
    }
    answer(request, response, opened.id());
  }

  /** The user may start the ticket process, as Tasklist's list of startable processes checks it. */
  private boolean mayOpenTickets(String userId, List<String> groups) {
    return authorizationService.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, TicketProcess.PROCESS_KEY)
        && authorizationService.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE,
            Authorization.ANY);
  }

  /** The process instance, as Camunda's REST API answers a start. */
  private void answer(HttpServletRequest request, HttpServletResponse response, String ticketId) throws IOException {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.PROCESS_KEY).processInstanceBusinessKey(ticketId).singleResult();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode self = body.putArray("links").addObject();
    self.put("method", "GET");
    self.put("href", request.getContextPath() + apiPrefix + "/process-instance/" + instance.getId());
    self.put("rel", "self");
    body.put("id", instance.getId());
    body.put("definitionId", instance.getProcessDefinitionId());
    body.put("businessKey", ticketId);
    body.putNull("caseInstanceId");
    body.put("ended", instance.isEnded());
    body.put("suspended", instance.isSuspended());
    body.putNull("tenantId");
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** The form field a field of the ticket comes from. */
  private static String formField(String ticketField) {
    return ticketField.startsWith("customer") ? CUSTOMER_ID : ticketField;
  }

  /** The text values of the form's fields; throws InvalidSubmission naming a variable that is not one. */
  private static Map<String, String> values(byte[] body) {
    JsonNode variables;
    try {
      JsonNode root = body.length == 0 ? null : JSON.readTree(body);
      variables = root == null ? JSON.createObjectNode() : root.path("variables");
    } catch (JsonProcessingException malformed) {
      throw new InvalidSubmission("The body is not JSON: " + malformed.getOriginalMessage());
    } catch (IOException unreadable) {
      throw new InvalidSubmission("The body cannot be read: " + unreadable.getMessage());
    }
    if (variables.isMissingNode() || variables.isNull()) {
      variables = JSON.createObjectNode();
    }
    if (!variables.isObject()) {
      throw new InvalidSubmission("'variables' is an object of the form's fields");
    }
    Map<String, String> values = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> sent = variables.fields(); sent.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = sent.next();
      if (!FIELDS.contains(variable.getKey())) {
        throw new InvalidSubmission("Variable '" + variable.getKey() + "' is not a field of the form Open ticket;"
            + " it sets " + FIELDS.stream().sorted().toList() + " only");
      }
      JsonNode value = variable.getValue().path("value");
      String type = variable.getValue().path("type").asText("");
      boolean textType = type.isEmpty() || "string".equalsIgnoreCase(type) || "null".equalsIgnoreCase(type);
      if (!textType || !(value.isTextual() || value.isNull() || value.isMissingNode())) {
        throw new InvalidSubmission("Field '" + variable.getKey() + "' is text");
      }
      values.put(variable.getKey(), value.isTextual() ? value.asText() : null);
    }
    return values;
  }

  private Optional<ProcessDefinition> definition(Matcher submission) {
    if (submission.group(1) != null) {
      return Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(submission.group(1)).latestVersion().withoutTenantId().singleResult());
    }
    return Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
        .processDefinitionId(submission.group(2)).singleResult());
  }

  private Optional<Matcher> submission(HttpServletRequest request) {
    String path = Requests.path(request);
    if (!path.startsWith(apiPrefix + "/")) {
      return Optional.empty();
    }
    Matcher matcher = SUBMIT.matcher(path.substring(apiPrefix.length()));
    return matcher.matches() ? Optional.of(matcher) : Optional.empty();
  }

  /** The webapps' CSRF token of the session, which Camunda checks on the requests this filter does not answer. */
  private static boolean hasCsrfToken(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }

  private static void invalid(HttpServletResponse response, String message) throws IOException {
    error(response, HttpStatus.BAD_REQUEST, "InvalidRequestException", message);
  }

  /** Camunda's error body, which Tasklist shows: {@code type} and {@code message}. */
  private static void error(HttpServletResponse response, HttpStatus status, String type, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", type);
    body.put("message", message);
    body.putNull("code");
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), body);
  }

  private static final class InvalidSubmission extends RuntimeException {

    InvalidSubmission(String message) {
      super(message);
    }
  }
}
