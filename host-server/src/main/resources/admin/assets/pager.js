// Previous/next paging for lists the server pages with limit and offset.
import { h } from './dom.js';

/**
 * The pager's buttons and position ("Page 2 of 6"), or nothing when one page holds all.
 * `go(offset)` is called with the offset of the page asked for.
 */
export function pagerControls({ total, offset, pageSize, go }) {
  if (total <= pageSize) return [];
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.ceil(total / pageSize);
  const prev = h('button', { type: 'button', class: 'button', disabled: page <= 1 }, 'Previous');
  const next = h('button', { type: 'button', class: 'button', disabled: page >= pages }, 'Next');
  prev.addEventListener('click', () => go(Math.max(0, offset - pageSize)));
  next.addEventListener('click', () => go(offset + pageSize));
  return [prev, h('span', { class: 'pager-position' }, `Page ${page} of ${pages}`), next];
}
