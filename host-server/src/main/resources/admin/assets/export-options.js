// The option fields of an export format, made from the option specs GET /v1/exports gives
// (name, type, default, doc); only options changed from their default are sent.
import { h, field } from './dom.js';

const NUMERIC = new Set(['int', 'long', 'double']);

function controlId(prefix, name) {
  return `opt-${prefix}-${name}`.replace(/[^\w-]/g, '-');
}

/** A labelled control per option: a checkbox for booleans, a number or text field otherwise. */
export function exportOptionFields(specs, prefix) {
  return specs.map((spec) => {
    const id = controlId(prefix, spec.name);
    if (spec.type === 'boolean') {
      const box = h('input', { type: 'checkbox', id, name: spec.name, checked: spec.default === true, 'aria-describedby': `${id}-hint` });
      return h('div', { class: 'check' }, box, h('label', { for: id }, spec.name),
        h('span', { class: 'hint', id: `${id}-hint` }, spec.doc));
    }
    const input = h('input', {
      id, name: spec.name, type: NUMERIC.has(spec.type) ? 'number' : spec.type === 'password' ? 'password' : 'text',
      step: spec.type === 'double' ? 'any' : NUMERIC.has(spec.type) ? 1 : undefined,
      placeholder: spec.default === null || spec.default === undefined ? undefined : `default ${spec.default}`,
      spellcheck: 'false',
    });
    return field(spec.name, input, spec.doc);
  });
}

/**
 * The options to send: those whose value differs from the default, as strings for numbers
 * and text, booleans as booleans. `values` maps option name → the control's value (a
 * string, or a boolean for checkboxes). Pure, for unit tests.
 */
export function changedOptions(specs, values) {
  const options = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.type === 'boolean') {
      if (typeof value === 'boolean' && value !== (spec.default === true)) options[spec.name] = value;
    } else if (typeof value === 'string' && value.trim() !== '' && value.trim() !== String(spec.default ?? '')) {
      options[spec.name] = value.trim();
    }
  }
  return options;
}

/** Reads the controls exportOptionFields made in `form` and returns changedOptions of them. */
export function optionValues(form, specs, prefix) {
  const values = {};
  for (const spec of specs) {
    const control = form.querySelector(`#${controlId(prefix, spec.name)}`);
    if (control) values[spec.name] = control.type === 'checkbox' ? control.checked : control.value;
  }
  return changedOptions(specs, values);
}
