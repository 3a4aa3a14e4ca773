package org.slaescalation.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.slaescalation.ticket.TicketSegment;

/**
 * An edited {@code SlaPolicy} DMN as a lead uploads it for a what-if: parsed and checked without deploying it, then
 * evaluated per ticket with the inputs the intake passes ({@code customerId}, {@code tier}, {@code priority},
 * {@code category}), giving the targets the intake's "Determine SLA policy" would have written.
 *
 * <p>The upload is evaluated by a DMN engine of its own, not the process engine's: FEEL only, no JUEL and no scripts
 * (whose expressions could reach the application's beans or Java classes), and a document type declaration is
 * refused before any parser sees it (no external entities). Every problem is an {@link InvalidPolicyException}
 * naming it: the parser's message, the missing decision or outputs, a rule's value that is no duration or calendar.
 */
final class UploadedPolicy {

  static final String DECISION = "SlaPolicy";
  static final String FIRST_RESPONSE = "firstResponseTarget";
  static final String RESOLUTION = "resolutionTarget";
  static final String CALENDAR = "calendar";
  static final String INTERNAL = "internalTargetPercent";
  static final List<String> OUTPUTS = List.of(FIRST_RESPONSE, RESOLUTION, CALENDAR, INTERNAL);

  private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
  private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"]*)\"\\s*");
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE|<!ENTITY", Pattern.CASE_INSENSITIVE);

  /** One engine for every upload: FEEL only, no script engine, no JUEL. */
  private static final DmnEngine ENGINE = engine();

  /** The targets a rule gives a ticket. */
  record Targets(Duration firstResponse, Duration resolution, String calendar, Integer internalPercent) {}

  private final DmnDecision decision;
  private final Set<String> calendars;
  private final Map<List<Object>, Targets> evaluated = new HashMap<>();

  private UploadedPolicy(DmnDecision decision, Set<String> calendars) {
    this.decision = decision;
    this.calendars = calendars;
  }

  /**
   * Parses and checks an upload: a DMN with decision table {@code SlaPolicy} and its four outputs, whose literal
   * durations parse and whose literal calendars are among {@code calendars}.
   */
  static UploadedPolicy parse(byte[] xml, Set<String> calendars) {
    if (xml == null || xml.length == 0) {
      throw new InvalidPolicyException("The request has no DMN: send the edited SlaPolicy as the body"
          + " (Content-Type application/xml) or as multipart field 'dmn'");
    }
    if (DOCTYPE.matcher(new String(xml, StandardCharsets.UTF_8)).find()) {
      throw new InvalidPolicyException("The DMN has a document type declaration (<!DOCTYPE or <!ENTITY): not"
          + " accepted, a DMN needs none");
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException notDmn) {
      throw new InvalidPolicyException("Not a DMN model: " + messages(notDmn));
    }
    requireFeel(model);
    List<DmnDecision> decisions;
    try {
      decisions = ENGINE.parseDecisions(model);
    } catch (RuntimeException invalid) {
      throw new InvalidPolicyException("Not a valid DMN model: " + messages(invalid));
    }
    DmnDecision decision = decisions.stream().filter(d -> DECISION.equals(d.getKey())).findFirst()
        .orElseThrow(() -> new InvalidPolicyException("The DMN has no decision '" + DECISION + "' (it has: "
            + (decisions.isEmpty() ? "none" : String.join(", ", decisions.stream().map(DmnDecision::getKey)
                .toList())) + ")"));
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      throw new InvalidPolicyException("Decision '" + DECISION + "' is not a decision table");
    }
    List<String> names = table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName).toList();
    List<String> missing = OUTPUTS.stream().filter(name -> !names.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidPolicyException("Decision '" + DECISION + "' lacks the output"
          + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " (it needs " + String.join(", ", OUTPUTS) + ")");
    }
    checkLiterals(model, calendars);
    return new UploadedPolicy(decision, calendars);
  }

  /** The targets for the ticket's recorded inputs, as the intake would have determined them. */
  Targets targets(TicketSegment ticket) {
    List<Object> inputs = java.util.Arrays.asList(ticket.customerId(), ticket.tier(), ticket.priority(),
        ticket.category());
    Targets known = evaluated.get(inputs);
    if (known != null) {
      return known;
    }
    VariableMap variables = Variables.createVariables().putValue("customerId", ticket.customerId())
        .putValue("tier", ticket.tier()).putValue("priority", ticket.priority())
        .putValue("category", ticket.category());
    String of = " for ticket " + ticket.id() + " (customerId " + ticket.customerId() + ", tier " + ticket.tier()
        + ", priority " + ticket.priority() + ", category " + ticket.category() + ")";
    DmnDecisionRuleResult row;
    try {
      row = ENGINE.evaluateDecisionTable(decision, variables).getSingleResult();
    } catch (RuntimeException failed) {
      throw new InvalidPolicyException("Decision '" + DECISION + "' failed" + of + ": " + messages(failed));
    }
    if (row == null) {
      throw new InvalidPolicyException("No rule of decision '" + DECISION + "' matches" + of
          + ": the intake would fail for it");
    }
    Targets targets = new Targets(duration(row.getEntry(FIRST_RESPONSE), FIRST_RESPONSE, of),
        duration(row.getEntry(RESOLUTION), RESOLUTION, of), calendar(row.getEntry(CALENDAR), of),
        percent(row.getEntry(INTERNAL), of));
    evaluated.put(inputs, targets);
    return targets;
  }

  private static Duration duration(Object value, String output, String where) {
    if (!(value instanceof String text)) {
      throw new InvalidPolicyException("Output " + output + " is " + (value == null ? "empty" : "'" + value + "'")
          + where + ": it must be an ISO-8601 duration such as \"PT4H\"");
    }
    return parseDuration(text, output, where);
  }

  private static Duration parseDuration(String text, String output, String where) {
    try {
      Duration duration = Duration.parse(text.strip());
      if (duration.isNegative()) {
        throw new InvalidPolicyException("Output " + output + " is the negative duration '" + text + "'" + where);
      }
      return duration;
    } catch (DateTimeParseException notADuration) {
      throw new InvalidPolicyException("Output " + output + " is '" + text + "'" + where
          + ", not an ISO-8601 duration such as \"PT4H\"");
    }
  }

  private String calendar(Object value, String where) {
    if (!(value instanceof String name) || !calendars.contains(name)) {
      throw new InvalidPolicyException("Output " + CALENDAR + " is " + (value == null ? "empty" : "'" + value + "'")
          + where + ": not a configured calendar (" + String.join(", ", calendars) + ")");
    }
    return name;
  }

  private static Integer percent(Object value, String where) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == number.intValue() && number.intValue() >= 0
        && number.intValue() <= 100) {
      return number.intValue();
    }
    throw new InvalidPolicyException("Output " + INTERNAL + " is '" + value + "'" + where
        + ": it must be a whole number from 0 to 100, or empty");
  }

  /** Every output entry that is a string literal must be a duration or a calendar, whether a ticket uses it or not. */
  private static void checkLiterals(DmnModelInstance model, Set<String> calendars) {
    Decision decision = model.getModelElementById(DECISION);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      return;
    }
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
        Matcher literal = STRING_LITERAL.matcher(text(entries.get(i)));
        if (!literal.matches()) {
          continue;
        }
        String where = " in rule " + rule.getId();
        String output = outputs.get(i);
        if (FIRST_RESPONSE.equals(output) || RESOLUTION.equals(output)) {
          parseDuration(literal.group(1), output, where);
        } else if (CALENDAR.equals(output) && !calendars.contains(literal.group(1))) {
          throw new InvalidPolicyException("Output " + CALENDAR + " is '" + literal.group(1) + "'" + where
              + ": not a configured calendar (" + String.join(", ", calendars) + ")");
        }
      }
    }
  }

  private static String text(OutputEntry entry) {
    return entry.getText() == null || entry.getText().getTextContent() == null ? ""
        : entry.getText().getTextContent();
  }

  /** Refuses every expression language but FEEL: JUEL and scripts could call into the JVM. */
  private static void requireFeel(DmnModelInstance model) {
    Definitions definitions = model.getDefinitions();
    if (definitions == null) {
      throw new InvalidPolicyException("Not a DMN model: no definitions element");
    }
    check(definitions.getExpressionLanguage(), "definitions " + definitions.getId());
    for (LiteralExpression expression : model.getModelElementsByType(LiteralExpression.class)) {
      check(expression.getExpressionLanguage(), "expression " + expression.getId());
    }
    for (UnaryTests tests : model.getModelElementsByType(UnaryTests.class)) {
      check(tests.getExpressionLanguage(), "entry " + tests.getId());
    }
  }

  private static void check(String language, String where) {
    if (language != null && !FEEL.contains(language.strip().toLowerCase(Locale.ROOT))
        && !FEEL.contains(language.strip())) {
      throw new InvalidPolicyException("Expression language '" + language + "' of " + where
          + " is not accepted: a what-if evaluates FEEL only (no JUEL, no scripts)");
    }
  }

  /** The message of an exception and of its causes: the parser's own words are in the innermost. */
  private static String messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 4; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String joined = String.join(": ", messages);
    return joined.length() > 500 ? joined.substring(0, 500) + "…" : joined;
  }

  private static DmnEngine engine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
    configuration.setDefaultInputExpressionExpressionLanguage(feel);
    configuration.setDefaultInputEntryExpressionLanguage(feel);
    configuration.setDefaultOutputEntryExpressionLanguage(feel);
    configuration.setDefaultLiteralExpressionLanguage(feel);
    configuration.setScriptEngineResolver(language -> null);
    return configuration.buildEngine();
  }
}
