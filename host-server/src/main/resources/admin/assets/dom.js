// Element builders. Strings become text nodes, never markup, so an item's prompt or a
// plugin's error holding "<script>" is shown as text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function' && name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/**
 * An HTML element: h('a', {href: '/x', onclick: fn}, 'text', [more]). Attributes that are
 * undefined, null or false are left out; true gives an empty attribute; onX functions become listeners.
 */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same rules as h. */
export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return build(el, {}, children);
}

let uid = 0;
/** An id unique in the page, for label/aria wiring. */
export function uniqueId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Says something to screen readers through the page's polite live region (and shows it). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Emptied first so the same sentence twice is read twice.
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/**
 * A message block: kind "error" (an alert, read out when it appears), "info", "warn" or
 * "success" (put them in a live region of their own when they answer an action).
 */
export function notice(kind, text) {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : undefined }, text);
}

/** A labelled form control: <div class="field"><label for>…</label>control</div>. */
export function field(label, control, hint) {
  const id = control.id || uniqueId('field');
  control.id = id;
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A <select> of [value, label] pairs with one selected. */
export function select(options, selected, attrs = {}) {
  return h('select', attrs, options.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

/**
 * A table with a caption (visually hidden when `hideCaption`), column headers and rows of
 * cells. A column may be `rowHeader` (first only), `numeric` (right-aligned) or `nowrap`.
 */
export function table({ caption, hideCaption = false, columns, rows, className = 'data' }) {
  // The scroll box is a named region so keyboard users can reach and scroll a wide table;
  // named apart from the section around it, which often shares the caption's words.
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${caption} (table)` },
    h('table', { class: className },
      h('caption', { class: hideCaption ? 'visually-hidden' : undefined }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.label)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => (i === 0 && columns[0].rowHeader
        ? h('th', { scope: 'row', class: columns[0].nowrap ? 'nowrap' : undefined }, cell)
        : h('td', { class: columns[i].numeric ? 'num' : columns[i].nowrap ? 'nowrap' : undefined }, cell))))))));
}

/** A status badge: tone ok | warn | bad | neutral. */
export function badge(text, tone = 'neutral') {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** Shows "Loading…" in a container until the promise settles; errors become an alert there. */
export async function loading(container, promise) {
  replace(container, h('p', { class: 'loading' }, 'Loading…'));
  try {
    return await promise;
  } catch (e) {
    replace(container, notice('error', e.message));
    throw e;
  }
}

/** The page's heading (focused after navigation, named by the page section) and an intro line. */
export function pageHeading(title, intro) {
  return h('div', { class: 'page-head' },
    h('h1', { id: 'page-title', tabindex: '-1' }, title),
    intro ? h('p', { class: 'page-intro' }, intro) : null);
}

/** One figure of a <dl class="stat-grid">: a label, a big value and an optional note under it. */
export function stat(label, value, note, className = 'stat') {
  return h('div', { class: className }, h('dt', {}, label),
    h('dd', {}, h('span', { class: 'stat-value' }, value), note ? h('span', { class: 'stat-note' }, note) : null));
}

/** One term of a <dl class="facts">. */
export function fact(term, value) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}
