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

/** The value at a property path of the differ: `name`, `eventDefinitions[0]`, `processRef.name`. */
function valueAt(element, path) {
  return path.split(/\.|\[(\d+)\]/).filter(Boolean).reduce((value, key) => value?.[key], element);
}

/**
 * The changes from oldXml to newXml: [{change: added|removed|changed|layout, id, name, type,
 * properties: [{name, oldValue, newValue}]}], sorted by change and id.
 *
 * A changed property's values are read from each version's own model: bpmn-js-differ 3 hands a changed attribute's
 * jsondiffpatch delta [old, new] to ChangeHandler.changed(model, key, newValue, oldValue), so its attrs say
 * oldValue for the new value and newValue for the old one (added and removed entries of a list it gets right).
 */
export async function diffXml(oldXml, newXml) {
  const moddle = () => new BpmnModdle({ camunda: camundaModdle });
  const [before, after] = await Promise.all([moddle().fromXML(oldXml), moddle().fromXML(newXml)]);
  const result = diff(before.rootElement, after.rootElement);
  const rows = [];
  for (const [key, change] of CHANGES) {
    for (const [id, entry] of Object.entries(result[key] || {})) {
      const model = entry.model || entry;
      const properties = Object.keys(entry.attrs || {}).map((name) => ({ name,
        oldValue: show(valueAt(before.elementsById[id], name)),
        newValue: show(valueAt(after.elementsById[id], name)) }));
      rows.push({ change, id, name: model.name, type: (model.$type || '').replace(/^bpmn:/, ''), properties });
    }
  }
  return rows;
}
