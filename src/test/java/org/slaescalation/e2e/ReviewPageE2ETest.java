package org.slaescalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.HeadlessChromium;
import org.slaescalation.ticket.TicketProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The model review page in a real (headless) Chromium: it renders the ticket process with bpmn-js, shows each
 * element's team, OLA budget, form and timers as overlays, shows a decision table with dmn-js, and shows the
 * differences between two deployed versions of a process, listed and marked on the diagrams, and of a decision
 * table, rule by rule.
 *
 * <p>The two versions are a copy of the ticket process under the key {@value #DIFF_KEY}, deployed by this test: a
 * new version of {@code ticket-escalation} itself would become the version that the other tests' tickets start.
 * Likewise the two decision versions are a copy of {@code OlaBudget} under the key {@value #DIFF_DECISION_KEY}.
 * Needs Debian's {@code chromium} and {@code chromium-driver}: skipped locally without them, failing on CI. On
 * failure a screenshot and the page source are written to {@code target/e2e/}.
 */
@ApplicationTest
class ReviewPageE2ETest {

  static final String DIFF_KEY = "review-diff-test";
  static final String DIFF_DECISION_KEY = "ReviewDiffTestBudget";
  private static final String RENAMED = "Triage and classify ticket";
  private static final String FIX = "Task_FixInfrastructure";
  private static final String REMOVED = "BoundaryEvent_TriageOlaWarning";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium(1600, 1200);

  private WebDriver driver;

  @BeforeEach
  void useBrowser() {
    driver = browser.driver();
  }

  @Test
  void theReviewPageShowsTheTicketProcessWithOverlaysADecisionTableAndADiffOfTwoVersions() {
    List<ProcessDefinition> versions = deployTwoVersionsOfACopy();
    List<DecisionDefinition> decisions = deployTwoVersionsOfABudgetCopy();

    // The review page is for team leads and administrators: the login page sends back to it.
    browser.logInToPage("http://localhost:" + port + "/review", "sophie");
    await("the ticket process is rendered", presenceOfElementLocated(shape("#canvas", TicketProcess.TASK_TRIAGE)));
    assertThat(driver.findElements(By.cssSelector("#canvas g.djs-shape"))).hasSizeGreaterThan(40);
    assertThat(driver.findElement(By.id("process-title")).getText()).contains(TicketProcess.PROCESS_KEY);

    WebElement overlay = await("the overlay of 'Triage ticket'", presenceOfElementLocated(
        By.cssSelector("#canvas .review-overlay[data-element-id='" + TicketProcess.TASK_TRIAGE + "']")));
    assertThat(overlay.getText())
        .contains("support")
        .contains("P1 30 min, P2 1 h (24x7)", "P3 4 h, P4 8 h (support)")
        .contains("form: triage-ticket")
        .contains("ola-support warning", "ola-support breach");
    assertThat(driver.findElement(By.cssSelector("#canvas .review-overlay[data-element-id='Task_RecordEscalations']"))
        .getAttribute("textContent")).as("a system step names its lane, not a team").contains("Escalation ladder");
    assertThat(driver.findElement(By.cssSelector(
        "#element-table tr[data-element-id='BoundaryEvent_TriageOlaExpired']")).getText())
        .contains("ola-support · breach", "${clocks.due(execution, 'BoundaryEvent_TriageOlaExpired')}");
    saveScreenshot("review-page");

    driver.findElement(By.cssSelector("#decision-list li[data-key='OlaBudget'] a")).click();
    await("decision OlaBudget as a table", d -> d.findElements(By.cssSelector("#dmn .tjs-table")).stream()
        .anyMatch(table -> table.getText().contains("engineering") && table.getText().contains("PT16H")));

    ProcessDefinition older = versions.get(0);
    ProcessDefinition newer = versions.get(1);
    driver.findElement(By.cssSelector("#process-list a[data-definition-id='" + newer.getId() + "']")).click();
    await("version 2 of the copy is shown", d -> newer.getId().equals(
        d.findElement(By.id("canvas")).getDomAttribute("data-definition-id")));
    new Select(driver.findElement(By.id("diff-from"))).selectByValue(older.getId());
    new Select(driver.findElement(By.id("diff-to"))).selectByValue(newer.getId());
    driver.findElement(By.id("diff-run")).click();

    WebElement changed = await("the renamed task is listed as changed", presenceOfElementLocated(By.cssSelector(
        "#diff-table tr[data-element-id='" + TicketProcess.TASK_TRIAGE + "'][data-change='changed']")));
    assertThat(changed.getText()).contains("name: Triage ticket → " + RENAMED);
    assertThat(diffRow(FIX)).contains("name: Fix infrastructure → Repair infrastructure");
    assertThat(driver.findElements(By.cssSelector(
        "#diff-table tr[data-element-id='" + REMOVED + "'][data-change='removed']"))).hasSize(1);
    assertThat(shapeClasses("#diff-after", TicketProcess.TASK_TRIAGE)).contains("diff-changed");
    assertThat(shapeClasses("#diff-before", REMOVED)).contains("diff-removed");
    assertThat(driver.findElements(shape("#diff-after", REMOVED))).isEmpty();
    saveScreenshot("review-diff");

    // Picked the other way round, the page still compares the older version with the newer one.
    new Select(driver.findElement(By.id("diff-from"))).selectByValue(newer.getId());
    new Select(driver.findElement(By.id("diff-to"))).selectByValue(older.getId());
    driver.findElement(By.id("diff-run")).click();
    await("the reversed pick is shown", d -> older.getId().equals(
        d.findElement(By.id("canvas")).getDomAttribute("data-definition-id"))
        && !d.findElement(By.id("status")).isDisplayed());
    await("the diff still reads from the older version", d -> d.findElement(By.id("diff-title")).getText()
        .matches("Differences from " + DIFF_KEY + " v" + older.getVersion() + " .* to " + DIFF_KEY + " v"
            + newer.getVersion() + " .*"));
    assertThat(diffRow(FIX)).contains("name: Fix infrastructure → Repair infrastructure");
    assertThat(new Select(driver.findElement(By.id("diff-from"))).getFirstSelectedOption().getDomAttribute("value"))
        .isEqualTo(older.getId());

    DecisionDefinition olderTable = decisions.get(0);
    DecisionDefinition newerTable = decisions.get(1);
    driver.findElement(By.cssSelector("#decision-list a[data-definition-id='" + newerTable.getId() + "']")).click();
    await("version 2 of the decision copy is shown", d -> newerTable.getId().equals(
        d.findElement(By.id("dmn")).getDomAttribute("data-definition-id")));
    assertThat(new Select(driver.findElement(By.id("dmn-diff-from"))).getFirstSelectedOption()
        .getDomAttribute("value")).as("the version before the shown one").isEqualTo(olderTable.getId());
    driver.findElement(By.id("dmn-diff-run")).click();
    assertThat(ruleRow("Rule_OlaBudget_07", "changed"))
        .isEqualTo("changed Rule_OlaBudget_07 row 7 Budget (ISO-8601 duration): \"PT16H\" → \"PT20H\"");
    assertThat(ruleRow("Rule_OlaBudget_13", "added")).startsWith("added Rule_OlaBudget_13 row 13")
        .contains("Team: \"security\"", "Priority: -", "Budget (ISO-8601 duration): \"PT4H\"", "Calendar: \"24x7\"");
    assertThat(driver.findElements(By.cssSelector("#dmn-diff-table tbody tr"))).hasSize(2);
    assertThat(driver.findElement(By.id("dmn-diff-properties")).getText()).isEqualTo("hit policy: UNIQUE → FIRST");
    assertThat(driver.findElement(By.id("dmn-diff-title")).getText()).contains(
        DIFF_DECISION_KEY + " v" + olderTable.getVersion(), DIFF_DECISION_KEY + " v" + newerTable.getVersion());
    saveScreenshot("review-decision-diff");
  }

  private String ruleRow(String ruleId, String change) {
    return await(ruleId + " " + change + " in the decision diff", presenceOfElementLocated(By.cssSelector(
        "#dmn-diff-table tr[data-rule-id='" + ruleId + "'][data-change='" + change + "']"))).getText()
        .replace('\n', ' ');
  }

  private String diffRow(String elementId) {
    return await(elementId + " in the diff", presenceOfElementLocated(By.cssSelector(
        "#diff-table tr[data-element-id='" + elementId + "']"))).getText();
  }

  /** Version 1: the ticket process under another key; version 2: two tasks renamed and one timer removed. */
  private List<ProcessDefinition> deployTwoVersionsOfACopy() {
    List<ProcessDefinition> deployed = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(DIFF_KEY).orderByProcessDefinitionVersion().asc().list();
    if (deployed.size() >= 2) {
      return deployed.subList(deployed.size() - 2, deployed.size());
    }
    String original = copyUnderKey(DIFF_KEY);
    Document changed = parse(original);
    Element task = byId(changed, TicketProcess.TASK_TRIAGE);
    task.setAttribute("name", RENAMED);
    byId(changed, FIX).setAttribute("name", "Repair infrastructure");
    remove(changed, REMOVED);
    List<ProcessDefinition> versions = new ArrayList<>();
    for (String xml : List.of(original, serialize(changed))) {
      String deploymentId = repositoryService.createDeployment().name(DIFF_KEY)
          .addString(DIFF_KEY + ".bpmn", xml).deploy().getId();
      versions.add(repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult());
    }
    return versions;
  }

  /** Version 1: OlaBudget under another key; version 2: one budget raised, hit policy FIRST, a rule added. */
  private List<DecisionDefinition> deployTwoVersionsOfABudgetCopy() {
    List<DecisionDefinition> deployed = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DIFF_DECISION_KEY).orderByDecisionDefinitionVersion().asc().list();
    if (deployed.size() >= 2) {
      return deployed.subList(deployed.size() - 2, deployed.size());
    }
    String original = replaceOnce(replaceOnce(replaceOnce(resource("/processes/ola-budget.dmn"),
        "id=\"OlaBudget\"", "id=\"" + DIFF_DECISION_KEY + "\""),
        "dmnElementRef=\"OlaBudget\"", "dmnElementRef=\"" + DIFF_DECISION_KEY + "\""),
        "id=\"Definitions_OlaBudget\"", "id=\"Definitions_" + DIFF_DECISION_KEY + "\"");
    String edited = replaceOnce(replaceOnce(original, "<text>\"PT16H\"</text>", "<text>\"PT20H\"</text>"),
        "hitPolicy=\"UNIQUE\"", "hitPolicy=\"FIRST\"");
    String changed = replaceOnce(edited, "</decisionTable>", """
          <rule id="Rule_OlaBudget_13">
            <inputEntry id="InputEntry_OlaBudget_13_Team"><text>"security"</text></inputEntry>
            <inputEntry id="InputEntry_OlaBudget_13_Priority"><text></text></inputEntry>
            <outputEntry id="OutputEntry_OlaBudget_13_Budget"><text>"PT4H"</text></outputEntry>
            <outputEntry id="OutputEntry_OlaBudget_13_Calendar"><text>"24x7"</text></outputEntry>
          </rule>
        </decisionTable>""");
    List<DecisionDefinition> versions = new ArrayList<>();
    for (String xml : List.of(original, changed)) {
      String deploymentId = repositoryService.createDeployment().name(DIFF_DECISION_KEY)
          .addString(DIFF_DECISION_KEY + ".dmn", xml).deploy().getId();
      versions.add(repositoryService.createDecisionDefinitionQuery().deploymentId(deploymentId).singleResult());
    }
    return versions;
  }

  private static String replaceOnce(String text, String search, String replacement) {
    assertThat(text).as("the shipped model").containsOnlyOnce(search);
    return text.replace(search, replacement);
  }

  private static String resource(String path) {
    try (InputStream in = ReviewPageE2ETest.class.getResourceAsStream(path)) {
      assertThat(in).as(path + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String copyUnderKey(String key) {
    return resource("/processes/ticket-escalation.bpmn")
        .replace("id=\"" + TicketProcess.PROCESS_KEY + "\"", "id=\"" + key + "\"")
        .replace("processRef=\"" + TicketProcess.PROCESS_KEY + "\"", "processRef=\"" + key + "\"");
  }

  /** Removes an element, the sequence flows from and to it, and every reference to them (lanes, DI, flows). */
  private static void remove(Document document, String id) {
    List<String> ids = new ArrayList<>(List.of(id));
    NodeList flows = document.getElementsByTagNameNS("*", "sequenceFlow");
    for (int i = 0; i < flows.getLength(); i++) {
      Element flow = (Element) flows.item(i);
      if (id.equals(flow.getAttribute("sourceRef")) || id.equals(flow.getAttribute("targetRef"))) {
        ids.add(flow.getAttribute("id"));
      }
    }
    List<Node> doomed = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      boolean isReference = element.getChildNodes().getLength() == 1 && ids.contains(element.getTextContent().strip());
      if (ids.contains(element.getAttribute("id")) || ids.contains(element.getAttribute("bpmnElement"))
          || isReference) {
        doomed.add(element);
      }
    }
    doomed.forEach(node -> node.getParentNode().removeChild(node));
  }

  private static Element byId(Document document, String id) {
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (id.equals(element.getAttribute("id"))) {
        return element;
      }
    }
    throw new IllegalArgumentException("no element " + id);
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serialize(Document document) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SVG group bpmn-js draws for an element; markers are classes on it. */
  private static By shape(String canvas, String elementId) {
    return By.cssSelector(canvas + " g.djs-element[data-element-id='" + elementId + "']");
  }

  private String shapeClasses(String canvas, String elementId) {
    return await(elementId + " in " + canvas, presenceOfElementLocated(shape(canvas, elementId)))
        .getDomAttribute("class");
  }

  private <T> T await(String what, Function<WebDriver, T> condition) {
    return browser.await(what, condition);
  }

  private void saveScreenshot(String name) {
    browser.saveScreenshot(name);
  }
}
