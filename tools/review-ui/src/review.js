// The review page: bpmn-js renders a process version with the team, OLA budget, timers and form of each element as
// overlays; dmn-js shows a decision table read-only; bpmn-js-differ compares two versions of a process, dmn.js two
// versions of a decision table rule by rule.
import BpmnViewer from 'bpmn-js/lib/NavigatedViewer';
import DmnViewer from 'dmn-js/lib/Viewer';
import { diffXml } from './diff.js';
import { describeCell, describeRow, diffDmn } from './dmn.js';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './review.css';

const api = document.body.dataset.api;
const $ = (selector) => document.querySelector(selector);

let models = { processes: [], decisions: [] };
let processViewer;
let dmnViewer;

function el(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (name === 'className') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

async function get(path, type = 'json') {
  // From the origin: a page opened as http://user:password@host/review would resolve relative URLs with the
  // credentials, which fetch refuses; the browser sends its cached HTTP Basic login either way.
  const response = await fetch(location.origin + api + path, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`GET ${path}: HTTP ${response.status}`);
  }
  return type === 'json' ? response.json() : response.text();
}

function status(text) {
  $('#status').textContent = text || '';
  $('#status').hidden = !text;
}

function versionLabel(model, version) {
  const when = version.deployedAt ? ` (${version.deployedAt.substring(0, 16).replace('T', ' ')} UTC)` : '';
  return `${model.key} v${version.version}${when}`;
}

function renderLists() {
  const list = (ul, items, kind) => {
    ul.replaceChildren(...items.map((model) => el('li', { 'data-key': model.key },
      el('span', { className: 'model-name' }, model.name, ' ', el('code', {}, model.key)),
      el('span', { className: 'versions' }, model.versions.map((v) =>
        el('a', { href: `#${kind}/${encodeURIComponent(v.id)}`, 'data-definition-id': v.id,
          title: `${v.resource}, deployment ${v.deploymentId}` }, `v${v.version}`))))));
  };
  list($('#process-list'), models.processes, 'process');
  list($('#decision-list'), models.decisions, 'decision');
}

function findVersion(kind, id) {
  for (const model of models[kind === 'process' ? 'processes' : 'decisions']) {
    const version = model.versions.find((v) => v.id === id);
    if (version) return { model, version };
  }
  return null;
}

function formatBudgets(budgets) {
  return budgets.map((b) => `${b.priority} ${b.readable}${b.calendar ? ` (${b.calendar})` : ''}`);
}

/** Budgets of the same calendar on one line: "P1 30 min, P2 1 h (24x7)". */
function groupedBudgets(budgets) {
  const byCalendar = new Map();
  for (const b of budgets) {
    const key = b.calendar || '';
    byCalendar.set(key, [...(byCalendar.get(key) || []), `${b.priority} ${b.readable}`]);
  }
  return [...byCalendar].map(([calendar, list]) => `${list.join(', ')}${calendar ? ` (${calendar})` : ''}`);
}

function formatTimer(timer) {
  const rung = timer.clock ? `${timer.clock} · ${timer.rung}` : 'timer';
  return `${rung}${timer.timeDate ? `, set by ${timer.timeDate}` : ''}`;
}

function overlayHtml(element) {
  const team = element.team || element.lane || 'no team';
  const box = el('div', { className: `review-overlay team-${element.team || 'none'}`, 'data-element-id': element.id });
  box.append(el('div', { className: 'overlay-team' }, team));
  if (element.olaBudget.length) {
    box.append(el('div', { className: 'overlay-ola' }, groupedBudgets(element.olaBudget).map((b) => el('div', {}, b))));
  }
  if (element.form) {
    box.append(el('div', { className: 'overlay-form' }, `form: ${element.form}`));
  }
  if (element.timers.length) {
    box.append(el('div', { className: 'overlay-timers' },
      `timers: ${element.timers.map((t) => `${t.clock} ${t.rung}`).join(', ')}`));
  }
  if (element.timer) {
    box.append(el('div', { className: 'overlay-timer' }, formatTimer(element.timer)));
  }
  return box;
}

function isTask(type) {
  return /task$/i.test(type) || type === 'subProcess';
}

function addOverlays(viewer, elements) {
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  for (const element of elements) {
    const shape = registry.get(element.id);
    if (!shape) continue;
    const detailed = /task$/i.test(element.type);
    const html = overlayHtml(element);
    html.classList.add(detailed ? 'detailed' : 'compact');
    const position = detailed ? { top: shape.height + 4, left: -10 }
      : element.type === 'subProcess' ? { top: 4, right: 120 } : { top: -14, left: shape.width - 6 };
    overlays.add(element.id, 'review', { position, html, scale: { min: 0.7 } });
  }
}

function renderElementTable(elements) {
  const rows = elements
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => el('tr', { 'data-element-id': e.id },
      el('td', {}, el('code', {}, e.id)),
      el('td', {}, e.name || ''),
      el('td', {}, e.type),
      el('td', {}, [e.lane, e.candidateGroups && `candidateGroups ${e.candidateGroups}`, e.team && `team ${e.team}`]
        .filter(Boolean).join(' · ')),
      el('td', {}, e.form || ''),
      el('td', {}, formatBudgets(e.olaBudget).join(', ')),
      el('td', {}, [e.timer, ...e.timers].filter(Boolean).map((t) =>
        el('div', {}, el('code', {}, t.id), `: ${formatTimer(t)}`)))));
  $('#element-table tbody').replaceChildren(...rows);
}

/** The two versions of a comparison, the older first, whichever way round they were picked. */
function inOrder(kind, firstId, secondId) {
  const pair = [findVersion(kind, firstId), findVersion(kind, secondId)];
  if (!pair[0] || !pair[1]) throw new Error(`no deployed ${kind} versions ${firstId} and ${secondId} to compare`);
  return pair[0].version.version <= pair[1].version.version ? pair : pair.reverse();
}

/** The version selects of a comparison: the pair given, else the shown version and the one before (or after) it. */
function fillDiffSelects(prefix, model, shownId, pair) {
  const index = model.versions.findIndex((v) => v.id === shownId); // versions are newest first
  const before = model.versions[index + 1];
  const after = model.versions[index - 1] || model.versions[index];
  const [olderId, newerId] = pair || (before ? [before.id, shownId] : [shownId, after.id]);
  const options = (selected) => model.versions.map((v) =>
    el('option', { value: v.id, ...(v.id === selected ? { selected: 'selected' } : {}) }, versionLabel(model, v)));
  $(`#${prefix}-from`).replaceChildren(...options(olderId));
  $(`#${prefix}-to`).replaceChildren(...options(newerId));
  $(`#${prefix}-run`).disabled = model.versions.length < 2;
  $(`#${prefix}-run`).title = model.versions.length < 2 ? 'Only one version is deployed' : '';
}

async function showProcess(id, diff) {
  const found = findVersion('process', id);
  if (!found) {
    status(`No deployed process definition ${id}`);
    return;
  }
  status(`Loading ${versionLabel(found.model, found.version)}…`);
  $('#decision-view').hidden = true;
  $('#process-view').hidden = false;
  $('#process-title').textContent = `${found.model.name} — ${versionLabel(found.model, found.version)}`;
  const [xml, elements] = await Promise.all([get(`/processes/${encodeURIComponent(id)}/xml`, 'text'),
    get(`/processes/${encodeURIComponent(id)}/elements`)]);
  processViewer = processViewer || new BpmnViewer({ container: '#canvas' });
  await processViewer.importXML(xml);
  processViewer.get('canvas').zoom('fit-viewport', 'auto');
  addOverlays(processViewer, elements);
  renderElementTable(elements);
  const pair = diff && inOrder('process', diff.from, diff.to);
  fillDiffSelects('diff', found.model, id, pair && pair.map((p) => p.version.id));
  $('#canvas').dataset.definitionId = id;
  if (pair) {
    await showDiff(...pair);
  } else {
    $('#diff-view').hidden = true;
  }
  status('');
}

const diffViewers = {};

async function renderDiffPane(container, xml, markers) {
  diffViewers[container] = diffViewers[container] || new BpmnViewer({ container });
  const viewer = diffViewers[container];
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  const registry = viewer.get('elementRegistry');
  for (const [id, marker] of markers) {
    if (registry.get(id)) viewer.get('canvas').addMarker(id, marker);
  }
}

async function showDiff(from, to) {
  const [oldXml, newXml] = await Promise.all([get(`/processes/${encodeURIComponent(from.version.id)}/xml`, 'text'),
    get(`/processes/${encodeURIComponent(to.version.id)}/xml`, 'text')]);
  const changes = await diffXml(oldXml, newXml);
  $('#diff-view').hidden = false;
  $('#diff-title').textContent = `Differences from ${versionLabel(from.model, from.version)} to `
    + `${versionLabel(to.model, to.version)}: ${changes.length ? `${changes.length} elements` : 'none'}`;
  $('#diff-before-title').textContent = `Before: v${from.version.version} (removed and changed elements)`;
  $('#diff-after-title').textContent = `After: v${to.version.version} (added and changed elements)`;
  const before = changes.filter((c) => c.change === 'removed' || c.change === 'changed' || c.change === 'layout')
    .map((c) => [c.id, `diff-${c.change}`]);
  const after = changes.filter((c) => c.change !== 'removed').map((c) => [c.id, `diff-${c.change}`]);
  await renderDiffPane('#diff-before', oldXml, before);
  await renderDiffPane('#diff-after', newXml, after);
  $('#diff-table tbody').replaceChildren(...changes.map((c) => el('tr',
    { className: `diff-${c.change}`, 'data-element-id': c.id, 'data-change': c.change },
    el('td', {}, c.change),
    el('td', {}, el('code', {}, c.id)),
    el('td', {}, c.name || ''),
    el('td', {}, c.type),
    el('td', {}, c.properties.map((p) =>
      el('div', {}, el('code', {}, p.name), `: ${p.oldValue} → ${p.newValue}`))))));
}

async function showDecision(id, diff) {
  const found = findVersion('decision', id);
  if (!found) {
    status(`No deployed decision definition ${id}`);
    return;
  }
  status(`Loading ${versionLabel(found.model, found.version)}…`);
  $('#process-view').hidden = true;
  $('#decision-view').hidden = false;
  $('#decision-title').textContent = `${found.model.name} — ${versionLabel(found.model, found.version)}`;
  const xml = await get(`/decisions/${encodeURIComponent(id)}/xml`, 'text');
  dmnViewer = dmnViewer || new DmnViewer({ container: '#dmn' });
  await dmnViewer.importXML(xml);
  const view = dmnViewer.getViews().find((v) => v.type === 'decisionTable' && v.element.id === found.model.key)
    || dmnViewer.getViews().find((v) => v.element.id === found.model.key);
  if (view) {
    await dmnViewer.open(view);
  }
  const pair = diff && inOrder('decision', diff.from, diff.to);
  fillDiffSelects('dmn-diff', found.model, id, pair && pair.map((p) => p.version.id));
  $('#dmn').dataset.definitionId = id;
  if (pair) {
    await showDecisionDiff(...pair);
  } else {
    $('#dmn-diff-view').hidden = true;
  }
  status('');
}

async function showDecisionDiff(from, to) {
  const [oldXml, newXml] = await Promise.all([get(`/decisions/${encodeURIComponent(from.version.id)}/xml`, 'text'),
    get(`/decisions/${encodeURIComponent(to.version.id)}/xml`, 'text')]);
  // A decision's XML is its whole DMN file: show the table of this decision only.
  const table = (await diffDmn(oldXml, newXml)).find((t) => t.id === to.model.key);
  const rules = table ? table.rules : [];
  $('#dmn-diff-view').hidden = false;
  $('#dmn-diff-title').textContent = `Differences from ${versionLabel(from.model, from.version)} to `
    + `${versionLabel(to.model, to.version)}: ${rules.length ? `${rules.length} rules` : 'no rules'}`;
  $('#dmn-diff-properties').replaceChildren(...(table ? table.properties : []).map((p) =>
    el('li', {}, `${p.name}: ${p.oldValue} → ${p.newValue}`)));
  $('#dmn-diff-table tbody').replaceChildren(...rules.map((r) => el('tr',
    { className: `diff-${r.change}`, 'data-rule-id': r.id, 'data-change': r.change },
    el('td', {}, r.change),
    el('td', {}, el('code', {}, r.id)),
    el('td', {}, describeRow(r)),
    el('td', {}, r.cells.map((c) => el('div', {}, describeCell(r.change, c)))))));
}

function route() {
  const [kind, ...rest] = decodeURIComponent(location.hash.substring(1)).split('/');
  if (kind === 'decision' && rest.length) {
    return showDecision(rest.join('/'));
  }
  if (kind === 'decision-diff' && rest.length === 2) {
    return showDecision(rest[1], { from: rest[0], to: rest[1] });
  }
  if (kind === 'diff' && rest.length === 2) {
    return showProcess(rest[1], { from: rest[0], to: rest[1] });
  }
  if (kind === 'process' && rest.length) {
    return showProcess(rest.join('/'));
  }
  const main = models.processes.find((m) => m.key === 'ticket-escalation') || models.processes[0];
  return main ? showProcess(main.versions[0].id) : status('No process is deployed.');
}

async function navigate() {
  try {
    await route();
  } catch (e) {
    status(`Could not show the model: ${e.message}`);
    console.error(e);
  }
}

$('#diff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = `diff/${encodeURIComponent($('#diff-from').value)}/${encodeURIComponent($('#diff-to').value)}`;
});

$('#dmn-diff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = `decision-diff/${encodeURIComponent($('#dmn-diff-from').value)}/`
    + encodeURIComponent($('#dmn-diff-to').value);
});

window.addEventListener('hashchange', navigate);

get('/models').then((loaded) => {
  models = loaded;
  renderLists();
  return navigate();
}).catch((e) => status(`Could not load the deployed models: ${e.message}`));
