// A semantic diff of two BPMN documents with bpmn-js-differ, flattened into one row per element.
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { diff } from 'bpmn-js-differ';

const CHANGES = [['_added', 'added'], ['_removed', 'removed'], ['_changed', 'changed'], ['_layoutChanged', 'layout']];

function show(value) {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') {
    if (value.id) return value.id;
    if (value.$type) return value.$type.replace(/^bpmn:/, '');
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * The changes from oldXml to newXml: [{change: added|removed|changed|layout, id, name, type,
 * properties: [{name, oldValue, newValue}]}], sorted by change and id.
 */
export async function diffXml(oldXml, newXml) {
  const moddle = () => new BpmnModdle({ camunda: camundaModdle });
  const [{ rootElement: oldDefinitions }, { rootElement: newDefinitions }] = await Promise.all([
    moddle().fromXML(oldXml), moddle().fromXML(newXml)]);
  const result = diff(oldDefinitions, newDefinitions);
  const rows = [];
  for (const [key, change] of CHANGES) {
    for (const [id, entry] of Object.entries(result[key] || {})) {
      const model = entry.model || entry;
      const properties = Object.entries(entry.attrs || {}).map(([name, value]) => ({
        name, oldValue: show(value.oldValue), newValue: show(value.newValue) }));
      rows.push({ change, id, name: model.name, type: (model.$type || '').replace(/^bpmn:/, ''), properties });
    }
  }
  return rows;
}
