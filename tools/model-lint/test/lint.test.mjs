// The linter must fail, naming the element, when a model breaks: a green lint that cannot go red proves nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(here, '../../..');
const shippedModel = path.join(projectDir, 'processes/ticket-escalation.bpmn');
const lintScript = path.resolve(here, '../lint.mjs');

let folder;
let shipped;

before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'model-lint-'));
  shipped = await readFile(shippedModel, 'utf8');
});

after(() => rm(folder, { recursive: true, force: true }));

async function lint(xml) {
  const file = path.join(folder, 'model.bpmn');
  await writeFile(file, xml);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath, [lintScript, '--config', '.bpmnlintrc', file], { cwd: projectDir, env: { ...process.env, INIT_CWD: '' } });
    return { code: 0, stdout };
  } catch (error) {
    return { code: error.code, stdout: error.stdout };
  }
}

function replaceOnce(xml, search, replacement) {
  assert.ok(xml.includes(search), `the shipped model no longer contains ${search}`);
  return xml.replace(search, replacement);
}

test('the shipped model passes', async () => {
  const { code, stdout } = await lint(shipped);
  assert.equal(code, 0, stdout);
});

test('an unnamed task fails naming the task', async () => {
  const { code, stdout } = await lint(replaceOnce(shipped, 'id="Task_TriageTicket" name="Triage ticket"', 'id="Task_TriageTicket"'));
  assert.equal(code, 1);
  assert.match(stdout, /model\.bpmn: Task_TriageTicket error bpmnlint\/label-required/);
});

test('a disconnected task fails naming the task', async () => {
  const broken = shipped
    .replace(/<bpmn:incoming>Flow_InvestigationJoinToInvestigate<\/bpmn:incoming>/, '')
    .replace(/<bpmn:outgoing>Flow_InvestigateToOutcome<\/bpmn:outgoing>/, '')
    .replace(/<bpmn:sequenceFlow id="Flow_InvestigationJoinToInvestigate"[^>]*\/>/, '')
    .replace(/<bpmn:sequenceFlow id="Flow_InvestigateToOutcome"[^>]*\/>/, '')
    .replace(/<bpmndi:BPMNEdge id="[^"]*" bpmnElement="Flow_InvestigationJoinToInvestigate">[\s\S]*?<\/bpmndi:BPMNEdge>/, '')
    .replace(/<bpmndi:BPMNEdge id="[^"]*" bpmnElement="Flow_InvestigateToOutcome">[\s\S]*?<\/bpmndi:BPMNEdge>/, '');
  const { code, stdout } = await lint(broken);
  assert.equal(code, 1);
  assert.match(stdout, /Task_InvestigateTicket error bpmnlint\/no-disconnected/);
});

test('an element without diagram interchange fails naming it', async () => {
  const broken = shipped.replace(/<bpmndi:BPMNShape id="[^"]*" bpmnElement="Task_FixInfrastructure"[\s\S]*?<\/bpmndi:BPMNShape>/, '');
  assert.notEqual(broken, shipped);
  const { code, stdout } = await lint(broken);
  assert.equal(code, 1);
  assert.match(stdout, /Task_FixInfrastructure error bpmnlint\/no-bpmndi/);
});

test('a process without historyTimeToLive fails in Camunda Modeler\'s linter', async () => {
  const { code, stdout } = await lint(replaceOnce(shipped, ' camunda:historyTimeToLive="P400D"', ''));
  assert.equal(code, 1);
  assert.match(stdout, /ticket-escalation info camunda\/camunda-compat\/history-time-to-live/);
});

test('a model for another execution platform fails naming the definitions', async () => {
  const { code, stdout } = await lint(replaceOnce(shipped, 'modeler:executionPlatformVersion="7.24.0"', 'modeler:executionPlatformVersion="7.12.0"'));
  assert.equal(code, 1);
  assert.match(stdout, /Definitions_TicketEscalation error execution-platform/);
});
