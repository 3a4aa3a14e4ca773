package org.slaescalation.process;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slaescalation.ticket.Priority;
import org.slaescalation.coverage.SlaRow;

/**
 * Reads the rows of decision {@code SlaPolicy} from its DMN model, the way the table is written: input entries as
 * text, outputs as string literals. A row the check cannot read (an output that is an expression, a priority entry
 * other than a list of literals, {@code not(...)} of one, or {@code -}) is a modelling error that names the row.
 */
final class SlaPolicyRows {

  static final String PRIORITY_INPUT = "priority";
  private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"]*)\"\\s*");
  private static final Pattern NEGATION = Pattern.compile("\\s*not\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

  private SlaPolicyRows() {}

  /** The rules of decision {@code decisionKey} in {@code model}, top to bottom. */
  static List<SlaRow> read(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      throw new IllegalStateException("Decision " + decisionKey + " is not a decision table");
    }
    List<String> inputNames = table.getInputs().stream().map(SlaPolicyRows::inputName).toList();
    List<String> outputNames = table.getOutputs().stream().map(Output::getName).toList();
    List<SlaRow> rows = new ArrayList<>();
    int index = 0;
    for (Rule rule : table.getRules()) {
      index++;
      rows.add(row(index, rule, inputNames, outputNames, decisionKey));
    }
    return rows;
  }

  /** Whether an input entry matches any value ({@code -} or empty). */

  private static SlaRow row(int index, Rule rule, List<String> inputNames, List<String> outputNames,
      String decisionKey) {
    Map<String, String> inputs = new LinkedHashMap<>();
    List<InputEntry> inputEntries = List.copyOf(rule.getInputEntries());
    for (int i = 0; i < inputEntries.size() && i < inputNames.size(); i++) {
      String text = inputEntries.get(i).getText() == null ? "" : inputEntries.get(i).getText().getTextContent();
      inputs.put(inputNames.get(i), SlaRow.isAny(text) ? "-" : text.strip());
    }
    String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
    String where = "Decision " + decisionKey + " row " + index
        + (description == null || description.isEmpty() ? "" : " \"" + description + "\"");
    Map<String, String> outputs = new LinkedHashMap<>();
    List<OutputEntry> outputEntries = List.copyOf(rule.getOutputEntries());
    for (int i = 0; i < outputEntries.size() && i < outputNames.size(); i++) {
      outputs.put(outputNames.get(i), outputEntries.get(i).getText() == null ? ""
          : outputEntries.get(i).getText().getTextContent());
    }
    if (!inputs.containsKey(PRIORITY_INPUT)) {
      throw new IllegalStateException("Decision " + decisionKey + " has no input '" + PRIORITY_INPUT + "'");
    }
    return new SlaRow(index, description == null || description.isEmpty() ? null : description, inputs,
        priorities(inputs.get(PRIORITY_INPUT), where),
        duration(outputs, "firstResponseTarget", where), duration(outputs, "resolutionTarget", where),
        literal(outputs, "calendar", where));
  }

  private static String inputName(Input input) {
    if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
      return input.getInputExpression().getText().getTextContent().strip();
    }
    return input.getCamundaInputVariable() != null ? input.getCamundaInputVariable() : input.getLabel();
  }

  private static List<String> priorities(String entry, String where) {
    List<String> all = Arrays.stream(Priority.values()).map(Priority::code).toList();
    if (SlaRow.isAny(entry)) {
      return all;
    }
    Matcher negation = NEGATION.matcher(entry);
    if (negation.matches()) {
      List<String> excluded = literals(negation.group(1), where);
      return all.stream().filter(p -> !excluded.contains(p)).toList();
    }
    List<String> allowed = literals(entry, where);
    return all.stream().filter(allowed::contains).toList();
  }

  private static List<String> literals(String entry, String where) {
    List<String> values = new ArrayList<>();
    for (String part : entry.split(",")) {
      Matcher literal = STRING_LITERAL.matcher(part);
      if (!literal.matches()) {
        throw new IllegalStateException(where + ": cannot read the priority entry '" + entry.strip()
            + "'; write a list of string literals such as \"P1\",\"P2\", not(...) of one, or - for any");
      }
      values.add(literal.group(1));
    }
    return values;
  }

  private static String literal(Map<String, String> outputs, String name, String where) {
    String text = outputs.get(name);
    Matcher literal = text == null ? null : STRING_LITERAL.matcher(text);
    if (literal == null || !literal.matches()) {
      throw new IllegalStateException(where + ": output " + name + " must be a string literal such as \"PT8H\", got "
          + (text == null ? "nothing" : "'" + text.strip() + "'"));
    }
    return literal.group(1);
  }

  private static Duration duration(Map<String, String> outputs, String name, String where) {
    String value = literal(outputs, name, where);
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative()) {
        throw new IllegalStateException(where + ": output " + name + " must not be negative, got " + value);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + ": output " + name + " must be an ISO-8601 duration such as PT8H, got "
          + value, e);
    }
  }
}
