// The decision tables' diff goes rule by rule: rules added, removed, moved, and each changed cell named by its column.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeCell, describeRow, diffDmn } from '../src/dmn.js';
import { changedOlaBudget, replaceOnce } from './models.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const processes = path.resolve(here, '../../../processes');
const olaBudget = await readFile(path.join(processes, 'ola-budget.dmn'), 'utf8');
const slaPolicy = await readFile(path.join(processes, 'sla-policy.dmn'), 'utf8');

/** Each changed rule as one line: "changed Rule_OlaBudget_07 row 7: Budget …: "PT16H" → "PT20H"". */
const lines = (table) => table.rules.map((r) => `${r.change} ${r.id} ${describeRow(r)}: `
  + r.cells.map((c) => describeCell(r.change, c)).join('; '));

test('the same tables have no differences', async () => {
  assert.deepEqual(await diffDmn(olaBudget, olaBudget), []);
  assert.deepEqual(await diffDmn(slaPolicy, slaPolicy), []);
});

test('a changed budget cell and an added rule, with the column named and old → new', async () => {
  const [table, ...others] = await diffDmn(olaBudget, changedOlaBudget(olaBudget));
  assert.deepEqual(others, []);
  assert.equal(table.id, 'OlaBudget');
  assert.deepEqual(table.properties, []);
  assert.deepEqual(lines(table), [
    'changed Rule_OlaBudget_07 row 7: Budget (ISO-8601 duration): "PT16H" → "PT20H"',
    'added Rule_OlaBudget_13 row 13: Team: "security"; Priority: -; Budget (ISO-8601 duration): "PT4H"; '
      + 'Calendar: "24x7"; Annotation: Security incidents, any priority',
  ]);
});

test('a removed rule, swapped rules and a renamed column', async () => {
  const removed = olaBudget.replace(/<rule id="Rule_OlaBudget_11">[\s\S]*?<\/rule>\s*/, '');
  const rule = (id) => removed.match(new RegExp(`<rule id="${id}">[\\s\\S]*?</rule>`))[0];
  const [two, three] = [rule('Rule_OlaBudget_02'), rule('Rule_OlaBudget_03')];
  const swapped = removed.replace(two, '@').replace(three, two).replace('@', three);
  const renamed = replaceOnce(swapped, 'label="Calendar"', 'label="Business calendar"');
  const [table] = await diffDmn(olaBudget, renamed);
  assert.deepEqual(table.properties, [{ name: 'column', oldValue: 'output Calendar (calendar)',
    newValue: 'output Business calendar (calendar)' }]);
  assert.deepEqual(lines(table), [
    'moved Rule_OlaBudget_02 row 2 → 3: ',
    'moved Rule_OlaBudget_03 row 3 → 2: ',
    'removed Rule_OlaBudget_11 row 11: Team: "sysadmin"; Priority: "P3"; Budget (ISO-8601 duration): "PT8H"; '
      + 'Business calendar: "sysadmin"',
  ]);
});

test('a changed hit policy, and the other way round the same cell reads new → old', async () => {
  const first = replaceOnce(changedOlaBudget(olaBudget), 'hitPolicy="UNIQUE"', 'hitPolicy="FIRST"');
  const [table] = await diffDmn(first, olaBudget);
  assert.deepEqual(table.properties, [{ name: 'hit policy', oldValue: 'FIRST', newValue: 'UNIQUE' }]);
  assert.equal(lines(table)[0], 'changed Rule_OlaBudget_07 row 7: Budget (ISO-8601 duration): "PT20H" → "PT16H"');
  assert.match(lines(table)[1], /^removed Rule_OlaBudget_13 row 13: Team: "security"/);
});
