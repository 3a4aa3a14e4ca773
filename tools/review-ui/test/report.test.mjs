// The static report, run as the build runs it, against a git revision: the BPMN diff reads old → new and each DMN
// table gets its rule-by-rule diff.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { changedOlaBudget, replaceOnce } from './models.mjs';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const processes = path.resolve(here, '../../../processes');
const chromium = '/usr/bin/chromium';
// Like the browser tests: skipped locally without Debian's Chromium, failing on CI (CI set).
const skip = !existsSync(chromium) && !process.env.CI && `needs ${chromium}`;

let folder;
let report;

before(async () => {
  if (skip) return;
  folder = await mkdtemp(path.join(tmpdir(), 'review-report-'));
  const models = ['ticket-escalation.bpmn', 'ola-budget.dmn', 'sla-policy.dmn'];
  await Promise.all(models.map((file) => copyFile(path.join(processes, file), path.join(folder, file))));
  const git = (...args) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args],
    { cwd: folder });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-q', '-m', 'base');
  const edit = async (file, change) => writeFile(path.join(folder, file),
    change(await readFile(path.join(folder, file), 'utf8')));
  await edit('ticket-escalation.bpmn', (xml) => replaceOnce(xml, 'name="Fix infrastructure"',
    'name="Repair infrastructure"'));
  await edit('ola-budget.dmn', changedOlaBudget);
  await run(process.execPath, ['report.mjs', '--processes', folder, '--out', path.join(folder, 'out'),
    '--chromium', chromium, '--base', 'HEAD'], { cwd: path.resolve(here, '..') });
  report = await readFile(path.join(folder, 'out/index.html'), 'utf8');
});

after(() => folder && rm(folder, { recursive: true, force: true }));

/** The report's text: tags dropped, entities decoded. */
const text = (html) => html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The HTML of a file's section up to the next file heading (<h2>). */
const section = (file) => report.substring(report.indexOf(`<h2>${file}</h2>`)).split(/<h2>/)[1];

test('the BPMN diff shows a rename old → new', { skip }, () => {
  assert.match(text(section('ticket-escalation.bpmn')),
    /changedTask_FixInfrastructureRepair infrastructureUserTaskname: Fix infrastructure → Repair infrastructure/);
});

test('the OlaBudget table gets a rule-by-rule diff with column names and old → new', { skip }, () => {
  const changes = text(section('ola-budget.dmn'));
  assert.match(changes, /Changes since HEAD\s*Decision OlaBudget \(OLA budget\): changed/);
  assert.match(changes, /changedRule_OlaBudget_07row 7Budget \(ISO-8601 duration\): "PT16H" → "PT20H"/);
  assert.match(changes, /addedRule_OlaBudget_13row 13Team: "security"\nPriority: -\n/);
});

test('an unchanged table says so, and the tables themselves are still listed', { skip }, () => {
  assert.match(text(section('sla-policy.dmn')),
    /Changes since HEADNo changes to the decision tables\.Decision SlaPolicy/);
  assert.match(text(section('ola-budget.dmn')), /Decision OlaBudget \(OLA budget\), hit policy UNIQUE/);
});
