// Changed copies of the shipped models, shared by the tests.
import assert from 'node:assert/strict';

export function replaceOnce(xml, search, replacement) {
  assert.ok(xml.includes(search), `the shipped model no longer contains ${search}`);
  return xml.replace(search, replacement);
}

/** OlaBudget with engineering's P3 budget raised from PT16H to PT20H and a rule added for a security team. */
export function changedOlaBudget(xml) {
  const raised = replaceOnce(xml, '<outputEntry id="OutputEntry_OlaBudget_07_Budget"><text>"PT16H"</text>',
    '<outputEntry id="OutputEntry_OlaBudget_07_Budget"><text>"PT20H"</text>');
  return replaceOnce(raised, '    </decisionTable>', `      <rule id="Rule_OlaBudget_13">
        <description>Security incidents, any priority</description>
        <inputEntry id="InputEntry_OlaBudget_13_Team"><text>"security"</text></inputEntry>
        <inputEntry id="InputEntry_OlaBudget_13_Priority"><text></text></inputEntry>
        <outputEntry id="OutputEntry_OlaBudget_13_Budget"><text>"PT4H"</text></outputEntry>
        <outputEntry id="OutputEntry_OlaBudget_13_Calendar"><text>"24x7"</text></outputEntry>
      </rule>
    </decisionTable>`);
}
