// The reports page: reads GET /api/reports/sla, /breaches and /review through the page's own session
// (/reports/api/*, see report.ReportsPageController) and shows them as two Chart.js charts, a table with every number
// and two lists. An endpoint that answers 404 (not deployed in this version) makes its section say so; fields of the
// rows that a version does not send are left out of the table.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip } from 'chart.js';
import {
  chartPercent, consumed, duration, extraCell, extraFields, hours, instant, internalShare, numbers, percent, period,
} from './reports-format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const page = document.querySelector('main.reports');
const { api, from, to, groupBy, zone } = page.dataset;
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** The JSON of one report, or {unavailable} for a 404, or {failed: detail} for any other refusal. */
async function read(report, query) {
  const response = await fetch(`${api}/${report}?${new URLSearchParams(query)}`, {
    headers: { Accept: 'application/json' }, credentials: 'same-origin',
  });
  if (response.status === 404) return { unavailable: true };
  const body = await response.json().catch(() => null);
  if (!response.ok) return { failed: body?.detail ?? `HTTP ${response.status}` };
  return { body };
}

function say(selector, text, className) {
  const status = $(selector);
  status.textContent = text;
  status.className = className ?? 'what';
  status.hidden = false;
}

const PALETTE = { firstResponse: '#1f5fa8', firstResponseInternal: '#8db4e2', resolution: '#2e7d32',
  resolutionInternal: '#a5d6a7' };

function complianceChart(rows) {
  return new Chart($('#compliance-chart'), {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.group),
      datasets: [
        { label: 'First response: SLA met', data: rows.map((r) => chartPercent(r.firstResponse?.compliance)),
          backgroundColor: PALETTE.firstResponse },
        { label: 'First response: internal target met', data: rows.map((r) => chartPercent(internalShare(r.firstResponse))),
          backgroundColor: PALETTE.firstResponseInternal },
        { label: 'Resolution: SLA met', data: rows.map((r) => chartPercent(r.resolution?.compliance)),
          backgroundColor: PALETTE.resolution },
        { label: 'Resolution: internal target met', data: rows.map((r) => chartPercent(internalShare(r.resolution))),
          backgroundColor: PALETTE.resolutionInternal },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% of the clocks met or breached' } } },
      plugins: {
        title: { display: true, text: `Compliance per ${groupBy}` },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.raw === null ? 'no clock decided' : `${item.raw} %`}` } },
      },
    },
  });
}

function timesChart(rows) {
  const series = [
    ['Median to first response', 'medianFirstResponse', PALETTE.firstResponse],
    ['p90 to first response', 'p90FirstResponse', PALETTE.firstResponseInternal],
    ['Median to resolution', 'medianResolution', PALETTE.resolution],
    ['p90 to resolution', 'p90Resolution', PALETTE.resolutionInternal],
  ];
  return new Chart($('#times-chart'), {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.group),
      datasets: series.map(([label, field, color]) => ({
        label, data: rows.map((row) => hours(row[field])), backgroundColor: color, iso: rows.map((row) => row[field]),
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, title: { display: true, text: 'business hours' } } },
      plugins: {
        title: { display: true, text: `Business time per ${groupBy}: median and 90th percentile` },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${duration(item.dataset.iso[item.dataIndex])}` } },
      },
    },
  });
}

const COLUMNS = [
  ['Tickets', (r) => r.tickets],
  ['First response met', (r) => r.firstResponse?.met],
  ['First response breached', (r) => r.firstResponse?.breached],
  ['First response compliance', (r) => percent(r.firstResponse?.compliance)],
  ['First response within internal target', (r) => `${r.firstResponse?.internalMet} (${percent(internalShare(r.firstResponse))})`],
  ['Resolution met', (r) => r.resolution?.met],
  ['Resolution breached', (r) => r.resolution?.breached],
  ['Resolution compliance', (r) => percent(r.resolution?.compliance)],
  ['Resolution within internal target', (r) => `${r.resolution?.internalMet} (${percent(internalShare(r.resolution))})`],
  ['Median to first response', (r) => duration(r.medianFirstResponse)],
  ['p90 to first response', (r) => duration(r.p90FirstResponse)],
  ['Median to resolution', (r) => duration(r.medianResolution)],
  ['p90 to resolution', (r) => duration(r.p90Resolution)],
];

const EXTRA_TITLES = { breaches: 'Breaches', timePaused: 'Time paused', escalations: 'Escalations sent',
  ola: 'OLA per team', csat: 'Satisfaction (CSAT)' };

function table(rows) {
  const extras = extraFields(rows);
  const head = el('tr', {}, el('th', {}, groupBy), COLUMNS.map(([title]) => el('th', {}, title)),
    extras.map((field) => el('th', { 'data-field': field }, EXTRA_TITLES[field])));
  const body = rows.map((row) => el('tr', { 'data-group': row.group }, el('th', { scope: 'row' }, row.group),
    COLUMNS.map(([, cell]) => el('td', {}, cell(row) ?? '–')),
    extras.map((field) => el('td', { 'data-field': field }, extraCell(field, row[field])))));
  $('#report').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  $('#report').hidden = false;
}

async function showSla() {
  const answer = await read('sla', { from, to, groupBy });
  if (answer.unavailable || answer.failed) {
    say('#sla-status', `The compliance report could not be read: ${answer.failed ?? 'not available'}.`, 'error');
    return;
  }
  const rows = answer.body;
  if (rows.length === 0) {
    say('#sla-status', `No tickets were opened on ${period(from, to, zone)}: nothing to report.`, 'what empty');
    return;
  }
  const tickets = groupBy === 'team' ? null : rows.reduce((sum, row) => sum + row.tickets, 0);
  say('#sla-status', tickets === null
    ? `${rows.length} teams worked the tickets opened on ${period(from, to, zone)}; a ticket counts for every team that had it.`
    : `${tickets} ${tickets === 1 ? 'ticket' : 'tickets'} opened on ${period(from, to, zone)}, in ${rows.length} ${rows.length === 1 ? 'group' : 'groups'}.`);
  $('#charts').hidden = false;
  table(rows);
  const charts = [complianceChart(rows), timesChart(rows)];
  page.dataset.charts = String(charts.length);
}

async function showBreaches() {
  const answer = await read('breaches', { from, to });
  if (answer.unavailable) {
    say('#breaches-status', 'The breach list is unavailable in this version of the service.', 'what unavailable');
    return;
  }
  if (answer.failed) {
    say('#breaches-status', `The breach list could not be read: ${answer.failed}.`, 'error');
    return;
  }
  const rows = answer.body;
  if (rows.length === 0) {
    say('#breaches-status', `No clock of a ticket opened on ${period(from, to, zone)} breached.`, 'what empty');
    return;
  }
  say('#breaches-status', `${rows.length} ${rows.length === 1 ? 'breach' : 'breaches'} of tickets opened on `
    + `${period(from, to, zone)}; breach times in ${zone}, budgets in business time.`);
  const head = el('tr', {}, ['Ticket', 'Clock', 'Tier', 'Priority', 'Category', 'Customer', `Breached at (${zone})`,
    'Budget', 'Consumed by'].map((title) => el('th', {}, title)));
  const body = rows.map((row) => el('tr', { 'data-ticket': row.ticketId },
    el('td', {}, row.taskUrl ? el('a', { href: row.taskUrl, title: `Open ${row.ticketId} in Tasklist` }, row.ticketId)
      : row.ticketId),
    el('td', {}, row.clock), el('td', {}, row.tier), el('td', {}, row.priority), el('td', {}, row.category),
    el('td', {}, row.customer), el('td', {}, instant(row.breachedAt, zone)), el('td', {}, duration(row.budget)),
    el('td', {}, el('ul', { className: 'consumed' }, (row.consumedBy ?? []).map((part) => el('li', {}, consumed(part)))))));
  $('#breaches').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  $('#breaches').hidden = false;
}

async function showReview() {
  const answer = await read('review', { from, to, groupBy });
  if (answer.unavailable) {
    say('#review-status', 'The review candidates are unavailable in this version of the service.', 'what unavailable');
    return;
  }
  if (answer.failed) {
    say('#review-status', `The review candidates could not be read: ${answer.failed}.`, 'error');
    return;
  }
  const rows = answer.body;
  if (rows.length === 0) {
    say('#review-status', `No ${groupBy} of the tickets opened on ${period(from, to, zone)} is a candidate for an SLA review.`,
      'what empty');
    return;
  }
  say('#review-status', `Segments whose numbers suggest reviewing their SLA, for ${period(from, to, zone)}.`);
  const head = el('tr', {}, [groupBy, 'Flag', 'Why', 'Numbers'].map((title) => el('th', {}, title)));
  const body = rows.map((row) => el('tr', { 'data-group': row.group, 'data-flag': row.flag },
    el('th', { scope: 'row' }, row.group), el('td', {}, row.flag), el('td', {}, row.reason),
    el('td', {}, numbers(row.numbers))));
  $('#review').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  $('#review').hidden = false;
}

// One request after the other: parallel requests of one session to the page chain lost the login now and then
// (the next page asked for the login again; seen in ReportsPageE2ETest).
async function showAll() {
  for (const [show, status] of [[showSla, '#sla-status'], [showBreaches, '#breaches-status'],
    [showReview, '#review-status']]) {
    try {
      await show();
    } catch (error) {
      say(status, `This section could not load: ${error}`, 'error');
    }
  }
  page.dataset.loaded = 'true';
}

if (page.dataset.query === 'valid') showAll();
