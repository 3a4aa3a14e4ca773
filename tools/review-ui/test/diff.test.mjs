// The version diff names each change the way it was made: old value first, new value second.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diffXml } from '../src/diff.js';
import { replaceOnce } from './models.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shipped = await readFile(path.resolve(here, '../../../processes/ticket-escalation.bpmn'), 'utf8');

const properties = (changes, id) => changes.find((c) => c.id === id)?.properties
  .map((p) => `${p.name}: ${p.oldValue} → ${p.newValue}`);

test('a renamed task shows the old name, then the new one', async () => {
  const renamed = replaceOnce(shipped, 'name="Fix infrastructure"', 'name="Repair infrastructure"');
  const changes = await diffXml(shipped, renamed);
  assert.deepEqual(properties(changes, 'Task_FixInfrastructure'),
    ['name: Fix infrastructure → Repair infrastructure']);
  assert.equal(changes.find((c) => c.id === 'Task_FixInfrastructure').name, 'Repair infrastructure');
});

test('swapping the versions swaps the values', async () => {
  const renamed = replaceOnce(shipped, 'name="Fix infrastructure"', 'name="Repair infrastructure"');
  const changes = await diffXml(renamed, shipped);
  assert.deepEqual(properties(changes, 'Task_FixInfrastructure'),
    ['name: Repair infrastructure → Fix infrastructure']);
});

test('an attribute set, changed and dropped reads old → new, references by id', async () => {
  const changed = replaceOnce(replaceOnce(replaceOnce(shipped,
    'name="Fix infrastructure" camunda:formRef', 'camunda:formRef'),
    'camunda:candidateGroups="sysadmin"', 'camunda:candidateGroups="sysadmin-leads"'),
    'id="Gateway_InfrastructureOutcome"', 'id="Gateway_InfrastructureOutcome" default="Flow_InfrastructureResolved"');
  const changes = await diffXml(shipped, changed);
  assert.deepEqual(properties(changes, 'Task_FixInfrastructure'),
    ['name: Fix infrastructure → —', 'candidateGroups: sysadmin → sysadmin-leads']);
  assert.deepEqual(properties(changes, 'Gateway_InfrastructureOutcome'),
    ['default: — → Flow_InfrastructureResolved']);
});
