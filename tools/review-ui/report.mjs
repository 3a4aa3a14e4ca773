// The static review report of the models in processes/, for pull requests: each BPMN rendered as SVG (bpmn-js in
// headless Chromium), its element table (lane/team, form, timers and what sets them), the DMN tables, the OLA
// coverage margins and the lint result when those files exist, and against a git revision the semantic diff of
// each BPMN file and the rule-by-rule diff of each DMN table.
//
//   node report.mjs --processes <folder> --out <folder> [--base <git revision>] [--coverage <json>] [--lint <json>]
//                   [--chromium <executable>]
//
// Run by `mvn -Pmodel-review verify`, which writes target/model-review/index.html.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { diffXml } from './src/diff.js';
import { describeCell, describeRow, diffDmn, readDecisionTables } from './src/dmn.js';

const here = dirname(fileURLToPath(import.meta.url));

function options(argv) {
  const result = { chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    result[argv[i].substring(2)] = argv[i + 1];
  }
  if (!result.processes || !result.out) {
    throw new Error('usage: node report.mjs --processes <folder> --out <folder> [--base <rev>] [--coverage <json>] '
      + '[--lint <json>] [--chromium <executable>]');
  }
  return result;
}

const escape = (text) => String(text ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function table(headers, rows, className = '') {
  return `<table class="${className}"><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

const code = (text) => (text ? `<code>${escape(text)}</code>` : '');

/** A ladder timer's clock and rung, from its extension properties (camunda:properties clock, rung). */
function ladderMapping(node) {
  const values = (node.extensionElements?.values || [])
    .filter((e) => e.$type === 'camunda:Properties')
    .flatMap((p) => p.values || []);
  const value = (name) => values.find((p) => p.name === name)?.value;
  return value('clock') && value('rung') ? { clock: value('clock'), rung: value('rung') } : null;
}

/** What sets a timer: the clock and rung its properties name (the SLA/OLA ladder), or its own expression. */
function timerSource(expression, node) {
  const mapping = node ? ladderMapping(node) : null;
  if (mapping) {
    return `${code(mapping.clock)} · ${code(mapping.rung)}, set by ${code(expression)} <small>(ClockExpressions: `
      + 'business time, computed on entry, moved by pauses and re-prioritisation)</small>';
  }
  return expression ? `fixed expression ${code(expression)}` : 'no date';
}

function flowNodes(container, acc = []) {
  for (const element of container.flowElements || []) {
    if (element.$type === 'bpmn:SequenceFlow') continue;
    acc.push(element);
    if (element.flowElements) flowNodes(element, acc);
  }
  return acc;
}

async function elementTable(xml) {
  const { rootElement: definitions } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml);
  const processes = definitions.rootElements.filter((e) => e.$type === 'bpmn:Process');
  const sections = [];
  for (const process of processes) {
    const lanes = new Map();
    for (const laneSet of process.laneSets || []) {
      for (const lane of laneSet.lanes || []) {
        for (const node of lane.flowNodeRef || []) lanes.set(node.id, lane.name);
      }
    }
    const nodes = flowNodes(process);
    const laneOf = (node) => lanes.get(node.id) ?? (node.$parent && node.$parent !== process ? laneOf(node.$parent)
      : undefined);
    const timersOf = (node) => nodes.filter((b) => b.attachedToRef === node && timer(b));
    const rows = nodes.sort((a, b) => a.id.localeCompare(b.id)).map((node) => {
      const own = timer(node);
      const attached = timersOf(node).map((b) => `${code(b.id)} (${escape(b.name)}): ${timerSource(timer(b), b)}`);
      return [code(node.id), escape(node.name), escape(node.$type.replace('bpmn:', '')),
        [escape(laneOf(node)), node.candidateGroups ? `candidate groups ${code(node.candidateGroups)}` : '']
          .filter(Boolean).join('<br>'),
        code(node.formRef || node.formKey),
        [own ? timerSource(own, node) : '', ...attached, node.dueDate ? `task due date: ${timerSource(node.dueDate)}` : '']
          .filter(Boolean).join('<br>')];
    });
    sections.push(`<h3>Elements of process ${code(process.id)} (${escape(process.name)})</h3>`
      + table(['Id', 'Name', 'Type', 'Lane / team', 'Form', 'Timers and what sets them'], rows, 'elements'));
  }
  return sections.join('\n');
}

function timer(node) {
  const definition = (node.eventDefinitions || []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
  if (!definition) return null;
  const expression = definition.timeDate || definition.timeDuration || definition.timeCycle;
  return expression ? expression.body : '';
}

async function decisionTables(xml) {
  return (await readDecisionTables(xml)).map((d) => {
    const headers = ['#', ...d.columns.map((c) => (c.kind === 'input' ? `${c.label} (${c.expression})`
      : `${c.label} → ${c.expression}`)), 'Annotation'];
    const rows = d.rules.map((rule, index) => [String(index + 1),
      ...d.columns.map((c, i) => code(rule.cells[i] || (c.kind === 'input' ? '-' : ''))),
      escape(rule.cells[d.columns.length])]);
    return `<h3>Decision ${code(d.id)} (${escape(d.name)}), hit policy ${escape(d.hitPolicy)}</h3>`
      + (d.description ? `<p>${escape(d.description)}</p>` : '') + table(headers, rows, 'decision');
  }).join('\n');
}

/** The rule-by-rule changes of each decision table of a DMN file since the base revision. */
async function decisionDiffSection(folder, file, xml, base) {
  if (!base) return '';
  const old = gitShow(folder, base, file);
  if (old === null) {
    return `<h3>Changes since ${code(base)}</h3><p>${code(file)} is new since ${code(base)}.</p>`;
  }
  const tables = await diffDmn(old, xml);
  if (!tables.length) {
    return `<h3>Changes since ${code(base)}</h3><p>No changes to the decision tables.</p>`;
  }
  return `<h3>Changes since ${code(base)}</h3>` + tables.map((t) => `<h4>Decision ${code(t.id)} `
    + `(${escape(t.name)}): <span class="diff-${t.change}">${t.change}</span></h4>`
    + t.properties.map((p) => `<p>${escape(p.name)}: ${escape(p.oldValue)} → ${escape(p.newValue)}</p>`).join('')
    + (t.rules.length ? table(['Change', 'Rule', 'Row', 'Cells'], t.rules.map((r) => [
      `<span class="diff-${r.change}">${r.change}</span>`, code(r.id), escape(describeRow(r)),
      r.cells.map((c) => escape(describeCell(r.change, c))).join('<br>')]), 'diff') : '')).join('\n');
}

function coverageSection(file) {
  if (!file || !existsSync(file)) {
    return '<p class="note">OLA coverage not computed: the coverage step writes it when the report runs through '
      + '<code>mvn -Pmodel-review verify</code>; a running service shows it at <code>GET /api/sla/coverage</code>.</p>';
  }
  const rows = JSON.parse(readFileSync(file, 'utf8'));
  return table(['Row', 'SLA row', 'Targets (calendar)', 'Priority', 'Route (OLAs)', 'First-response margin',
    'Resolution margin', 'Fits'], rows.flatMap((row) => Object.entries(row.byPriority).map(([priority, p]) => [
    String(row.row), escape(row.label), `${code(row.firstResponseTarget)} / ${code(row.resolutionTarget)} `
      + `(${escape(row.calendar)})`, escape(priority),
    p.route.map((leg) => `${escape(leg.team)} ${code(leg.budget)} (${escape(leg.calendar)})`).join(' → '),
    `${code(p.firstResponseMargin)} <small>worst start ${escape(p.firstResponseWorstStart)}</small>`,
    `${code(p.resolutionMargin)} <small>worst start ${escape(p.resolutionWorstStart)}</small>`,
    p.fits ? 'yes' : '<strong class="bad">no</strong>'])), 'coverage');
}

function lintSection(file) {
  if (!file || !existsSync(file)) {
    return '<p class="note">Lint not run (no lint result file found).</p>';
  }
  const text = readFileSync(file, 'utf8');
  try {
    const result = JSON.parse(text);
    const entries = Array.isArray(result) ? result
      : Object.entries(result).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => ({ file: key, ...v }))
        : [{ file: key, message: JSON.stringify(value) }]));
    if (!entries.length) return '<p>Lint: no errors, no warnings.</p>';
    return table(['File', 'Element', 'Rule', 'Category', 'Message'], entries.map((e) => [escape(e.file),
      code(e.id), escape(e.rule), escape(e.category), escape(e.message)]), 'lint');
  } catch (e) {
    return `<pre>${escape(text)}</pre>`;
  }
}

function gitShow(folder, revision, file) {
  try {
    return execFileSync('git', ['show', `${revision}:./${file}`], { cwd: folder, encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    return null;
  }
}

async function diffSection(folder, file, xml, base) {
  if (!base) return '';
  const old = gitShow(folder, base, file);
  if (old === null) {
    return `<h3>Changes since ${code(base)}</h3><p>${code(file)} is new since ${code(base)}.</p>`;
  }
  const changes = await diffXml(old, xml);
  if (!changes.length) {
    return `<h3>Changes since ${code(base)}</h3><p>No semantic changes.</p>`;
  }
  return `<h3>Changes since ${code(base)}</h3>` + table(['Change', 'Element', 'Name', 'Type', 'Properties'],
    changes.map((c) => [`<span class="diff-${c.change}">${c.change}</span>`, code(c.id), escape(c.name),
      escape(c.type), c.properties.map((p) => `${code(p.name)}: ${escape(p.oldValue)} → ${escape(p.newValue)}`)
        .join('<br>')]), 'diff');
}

async function main() {
  const opts = options(process.argv.slice(2));
  const folder = resolve(opts.processes);
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  if (opts.base) {
    try {
      execFileSync('git', ['rev-parse', '--verify', '--quiet', `${opts.base}^{commit}`], { cwd: folder,
        stdio: 'ignore' });
    } catch (e) {
      throw new Error(`review.base '${opts.base}' is not a git revision of this repository (fetch it first)`);
    }
  }
  const files = readdirSync(folder).sort();
  const bpmnFiles = files.filter((f) => f.endsWith('.bpmn'));
  const dmnFiles = files.filter((f) => f.endsWith('.dmn'));
  if (!bpmnFiles.length) throw new Error(`no .bpmn file in ${folder}`);

  const renderer = await build({ entryPoints: [join(here, 'src/render.js')], bundle: true, write: false,
    format: 'iife', logLevel: 'warning' });
  const browser = await chromium.launch({ executablePath: opts.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const sections = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ content: renderer.outputFiles[0].text });
    for (const file of bpmnFiles) {
      const xml = readFileSync(join(folder, file), 'utf8');
      const { svg, warnings } = await page.evaluate((x) => window.renderBpmnSvg(x), xml);
      const svgFile = `${basename(file, '.bpmn')}.svg`;
      writeFileSync(join(out, svgFile), svg);
      sections.push(`<section class="bpmn" id="${escape(file)}"><h2>${escape(file)}</h2>`
        + (warnings.length ? `<p class="bad">Import warnings: ${warnings.map(escape).join('; ')}</p>` : '')
        + `<figure>${svg}<figcaption><a href="${escape(svgFile)}">${escape(svgFile)}</a></figcaption></figure>`
        + await diffSection(folder, file, xml, opts.base)
        + await elementTable(xml) + '</section>');
      console.log(`model-review: rendered ${file}`);
    }
  } finally {
    await browser.close();
  }
  if (opts.base) {
    const removed = (gitShow(folder, opts.base, '') || '').split('\n')
      .filter((f) => /\.(bpmn|dmn)$/.test(f) && !files.includes(f));
    if (removed.length) sections.push(`<p>Removed since ${code(opts.base)}: ${removed.map(code).join(', ')}</p>`);
  }
  const decisions = [];
  for (const file of dmnFiles) {
    const xml = readFileSync(join(folder, file), 'utf8');
    decisions.push(`<h2>${escape(file)}</h2>` + await decisionDiffSection(folder, file, xml, opts.base)
      + await decisionTables(xml));
  }
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Process model review</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
figure { margin: 0; border: 1px solid #d0d7de; overflow: auto; } figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #d0d7de; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } .note { color: #555; } .bad { color: #b91c1c; }
.diff-added { background: #bbf7d0; } .diff-removed { background: #fecaca; } .diff-changed { background: #fed7aa; }
.diff-layout, .diff-moved { background: #bfdbfe; }
</style></head><body>
<h1>Process model review</h1>
<p>Models in <code>processes/</code>${opts.base ? `, compared with git revision ${code(opts.base)}` : ''}.
BPMN files: ${bpmnFiles.map((f) => `<a href="#${escape(f)}">${escape(f)}</a>`).join(', ')}.</p>
<h2>Lint</h2>${lintSection(opts.lint)}
${sections.join('\n')}
<h2>SLA and OLA tables</h2>${decisions.join('\n')}
<h2>OLA coverage margins</h2>${coverageSection(opts.coverage)}
</body></html>`;
  writeFileSync(join(out, 'index.html'), html);
  console.log(`model-review: wrote ${join(out, 'index.html')}`);
}

main().catch((e) => {
  console.error(`model-review: ${e.stack || e}`);
  process.exit(1);
});
