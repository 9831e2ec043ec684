// The app's raters with their flags and reasons, sorted by the latest vote, by votes or
// flagged first, optionally only the flagged ones, paged; a click on a rater opens their report.
import { h, replace, field, select, table, notice, badge } from './dom.js';
import { formatCount, formatPercent, formatAgo, plural, NONE } from './format.js';
import { pagerControls } from './pager.js';

const PAGE_SIZE = 25;
const SORTS = [['recent', 'Latest vote'], ['votes', 'Most votes'], ['flagged', 'Flagged first']];

/**
 * Fills `container` with the list's controls (beside `lookup`, the form that finds a rater by
 * id) and its first page; `open(rater)` shows one rater.
 */
export async function raterList(container, api, open, lookup) {
  const state = { sort: 'recent', flagged: false, offset: 0 };
  const sort = select(SORTS, state.sort, { name: 'sort' });
  const onlyFlagged = h('input', { type: 'checkbox', id: 'only-flagged' });
  const count = h('p', { class: 'result-count', role: 'status' });
  const list = h('div', {});
  const pager = h('nav', { class: 'pager', 'aria-label': 'Rater pages' });
  container.append(
    h('div', { class: 'toolbar' }, lookup,
      h('form', { class: 'filters', 'aria-label': 'Sort and filter raters' }, field('Sort by', sort),
        h('div', { class: 'check' }, onlyFlagged, h('label', { for: 'only-flagged' }, 'Only flagged raters')))),
    count, list, pager);
  sort.addEventListener('change', () => load({ sort: sort.value, offset: 0 }));
  onlyFlagged.addEventListener('change', () => load({ flagged: onlyFlagged.checked, offset: 0 }));

  let latest = 0;
  async function load(changes = {}) {
    Object.assign(state, changes);
    const ticket = ++latest;
    list.setAttribute('aria-busy', 'true');
    let page;
    try {
      page = await api.get('/v1/admin/raters', {
        sort: state.sort, flagged: state.flagged ? 'true' : '', limit: PAGE_SIZE, offset: state.offset,
      });
    } catch (e) {
      if (ticket === latest) replace(list, notice('error', e.message));
      list.removeAttribute('aria-busy');
      return;
    }
    if (ticket !== latest) return;
    list.removeAttribute('aria-busy');
    count.textContent = page.total
      ? `Showing ${formatCount(state.offset + 1)}–${formatCount(state.offset + page.raters.length)} of ${plural(page.total, state.flagged ? 'flagged rater' : 'rater')}.`
      : (state.flagged ? 'No rater is flagged.' : 'No votes yet.');
    replace(list, page.raters.length ? raterTable(page.raters, open) : null);
    replace(pager, ...pagerControls({ total: page.total, offset: state.offset, pageSize: PAGE_SIZE, go: (offset) => load({ offset }) }));
  }
  await load();
}

function raterTable(raters, open) {
  return table({
    caption: 'Raters',
    hideCaption: true,
    columns: [{ label: 'Rater' }, { label: 'Flags and reasons' }, { label: 'Votes', numeric: true }, { label: 'Gold accuracy', numeric: true },
      { label: 'Weight', numeric: true }, { label: 'Last vote', nowrap: true }],
    rows: raters.map((r) => {
      const button = h('button', { type: 'button', class: 'link-button' }, r.rater);
      button.addEventListener('click', () => open(r.rater));
      const flags = r.flags.length
        ? h('ul', { class: 'flag-list' }, r.flags.map((f) => h('li', {}, badge(f.code, 'bad'), ' ', f.reason)))
        : badge('ok', 'ok');
      return [button, flags, formatCount(r.votes), Number.isFinite(r.goldAccuracy) ? formatPercent(r.goldAccuracy) : NONE,
        Number.isFinite(r.weight) ? formatPercent(r.weight) : NONE, formatAgo(r.lastVoteAt)];
    }),
  });
}
