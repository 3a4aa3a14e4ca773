// Decision tables read with dmn-moddle into plain rows, and the rule-by-rule difference between two versions.
import { DmnModdle } from 'dmn-moddle';

const ANNOTATION = { id: 'annotation', kind: 'annotation', label: 'Annotation', expression: '' };

/**
 * The decision tables of a DMN document: [{id, name, description, hitPolicy, columns: [{id, kind: input|output,
 * label, expression}], rules: [{id, cells: [text per column, then the annotation or undefined]}]}]. Columns are
 * named by their label, else by their input expression or output name.
 */
export async function readDecisionTables(xml) {
  const { rootElement: definitions } = await new DmnModdle().fromXML(xml);
  return (definitions.drgElement || []).filter((d) => d.decisionLogic?.$type === 'dmn:DecisionTable').map((d) => {
    const logic = d.decisionLogic;
    const inputs = (logic.input || []).map((i) => ({ id: i.id, kind: 'input', expression: i.inputExpression?.text || '',
      label: i.label || i.inputExpression?.text || '' }));
    const outputs = (logic.output || []).map((o) => ({ id: o.id, kind: 'output', expression: o.name || '',
      label: o.label || o.name || '' }));
    return { id: d.id, name: d.name, description: d.description, hitPolicy: logic.hitPolicy || 'UNIQUE',
      columns: [...inputs, ...outputs],
      rules: (logic.rule || []).map((rule) => ({ id: rule.id, cells: [...(rule.inputEntry || []),
        ...(rule.outputEntry || [])].map((entry) => entry.text || '').concat(rule.description || undefined) })) };
  });
}

/** A rule's cells by column id, the annotation included. */
function cellsOf(table, rule) {
  return new Map([...table.columns, ANNOTATION].map((column, index) => [column.id, rule.cells[index]]));
}

/** A column as the table's header names it: "input Team (team)", "output Calendar (calendar)"; "—" if none. */
function describeColumn(column) {
  if (!column) return '—';
  return `${column.kind} ${column.label}${column.expression !== column.label ? ` (${column.expression})` : ''}`;
}

function diffTable(before, after) {
  const properties = [];
  if (before.hitPolicy !== after.hitPolicy) {
    properties.push({ name: 'hit policy', oldValue: before.hitPolicy, newValue: after.hitPolicy });
  }
  const columnIds = [...new Set([...before.columns, ...after.columns].map((c) => c.id))];
  for (const id of columnIds) {
    const [was, is] = [before, after].map((t) => describeColumn(t.columns.find((c) => c.id === id)));
    if (was !== is) properties.push({ name: 'column', oldValue: was, newValue: is });
  }
  const columns = new Map([...before.columns, ...after.columns, ANNOTATION].map((c) => [c.id, c]));
  const oldRules = new Map(before.rules.map((rule, index) => [rule.id, { rule, row: index + 1 }]));
  const newRules = new Map(after.rules.map((rule, index) => [rule.id, { rule, row: index + 1 }]));
  // The order of the rules both versions have: under hit policy FIRST it decides which rule wins (SlaPolicy).
  const keptBefore = before.rules.map((r) => r.id).filter((id) => newRules.has(id));
  const keptAfter = after.rules.map((r) => r.id).filter((id) => oldRules.has(id));
  const rules = [];
  for (const id of new Set([...oldRules.keys(), ...newRules.keys()])) {
    const [was, is] = [oldRules.get(id), newRules.get(id)];
    const [oldCells, newCells] = [was && cellsOf(before, was.rule), is && cellsOf(after, is.rule)];
    const cells = [...columns.values()].map((column) => ({ column: column.label,
      oldValue: oldCells?.get(column.id), newValue: newCells?.get(column.id) }))
      .filter((c) => c.oldValue !== c.newValue);
    const change = !was ? 'added' : !is ? 'removed' : cells.length ? 'changed'
      : keptBefore.indexOf(id) !== keptAfter.indexOf(id) ? 'moved' : null;
    if (change) rules.push({ change, id, oldRow: was?.row, newRow: is?.row, cells });
  }
  return { properties, rules };
}

/**
 * The differences from oldXml to newXml, per decision table (matched by decision id), only those that differ:
 * [{change: added|removed|changed, id, name, properties: [{name, oldValue, newValue}], rules: [{change:
 * added|removed|changed|moved, id, oldRow, newRow, cells: [{column, oldValue, newValue}]}]}]. Rules are matched by
 * id; an added rule lists its cells as new values, a removed one as old values; undefined means "not there".
 */
export async function diffDmn(oldXml, newXml) {
  const [before, after] = await Promise.all([readDecisionTables(oldXml), readDecisionTables(newXml)]);
  const ids = [...new Set([...before, ...after].map((t) => t.id))];
  return ids.map((id) => {
    const [was, is] = [before.find((t) => t.id === id), after.find((t) => t.id === id)];
    if (!was || !is) {
      return { change: was ? 'removed' : 'added', id, name: (was || is).name, properties: [], rules: [] };
    }
    return { change: 'changed', id, name: is.name, ...diffTable(was, is) };
  }).filter((t) => t.change !== 'changed' || t.properties.length || t.rules.length);
}

/** A changed cell as text: `Budget: "PT16H" → "PT20H"`; an added or removed rule's cell shows its one value. */
export function describeCell(change, cell) {
  const show = (value) => (value === undefined ? '—' : value === '' ? '-' : value);
  if (change === 'added') return `${cell.column}: ${show(cell.newValue)}`;
  if (change === 'removed') return `${cell.column}: ${show(cell.oldValue)}`;
  return `${cell.column}: ${show(cell.oldValue)} → ${show(cell.newValue)}`;
}

/** Where a rule is: "row 3", or "row 3 → 4" when it moved. */
export function describeRow(rule) {
  return rule.oldRow && rule.newRow && rule.oldRow !== rule.newRow ? `row ${rule.oldRow} → ${rule.newRow}`
    : `row ${rule.newRow || rule.oldRow}`;
}
