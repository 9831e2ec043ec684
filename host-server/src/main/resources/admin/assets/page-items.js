// Items: every image with its like rate, Wilson interval and counts, as a grid of thumbnails
// or a table; filtered by model and text, sorted, paged. The state lives in the address.
import { h, replace, pageHeading, field, select, table, notice } from './dom.js';
import { rateBar } from './charts.js';
import { formatCount, formatPercent, plural } from './format.js';
import { safeImageSrc } from './safe-url.js';
import { uploadForm } from './item-upload.js';
import { pagerControls } from './pager.js';

const PAGE_SIZE = 24;
const SORTS = [['wilson', 'Wilson lower bound'], ['likeRate', 'Like rate'], ['votes', 'Votes'], ['newest', 'Newest'], ['id', 'Id']];
const ORDERS = [['desc', 'Highest first'], ['asc', 'Lowest first']];
const VIEWS = [['grid', 'Thumbnails'], ['table', 'Table']];

export async function render(section, ctx) {
  const { api } = ctx;
  const state = {
    sort: ctx.query.sort || 'wilson', order: ctx.query.order || 'desc', model: ctx.query.model || '', q: ctx.query.q || '',
    minVotes: ctx.query.minVotes || '', offset: Number(ctx.query.offset) || 0, view: ctx.query.view === 'table' ? 'table' : 'grid',
  };
  const count = h('p', { class: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Item pages' });
  const modelSelect = select([['', 'All models']], state.model, { name: 'model' });
  const controls = filterForm(state, modelSelect, (changes) => {
    Object.assign(state, changes, 'offset' in changes ? {} : { offset: 0 });
    ctx.setQuery(queryOf(state));
    load();
  });
  const upload = uploadForm(api, () => {
    Object.assign(state, { sort: 'newest', order: 'desc', offset: 0, q: '', model: '', minVotes: '' });
    controls.reset(state);
    ctx.setQuery(queryOf(state));
    load();
  });
  section.append(pageHeading('Items', 'Each image with its like rate and the Wilson interval around it: the lower bound is what the ranking trusts.'),
    upload, controls.element, count, results, pager);

  let latest = 0;
  async function load() {
    const ticket = ++latest;
    results.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api.get('/v1/admin/items', {
        sort: state.sort, order: state.order, model: state.model, q: state.q, minVotes: state.minVotes, limit: PAGE_SIZE, offset: state.offset,
      });
    } catch (e) {
      if (ticket === latest) {
        replace(results, notice('error', e.message));
        results.removeAttribute('aria-busy');
      }
      return;
    }
    if (ticket !== latest) return; // a newer filter answered first, or will
    results.removeAttribute('aria-busy');
    fillModels(modelSelect, data.models, state.model);
    const first = data.total ? state.offset + 1 : 0;
    const last = state.offset + data.items.length;
    count.textContent = data.total
      ? `Showing ${formatCount(first)}–${formatCount(last)} of ${plural(data.total, 'item')}.`
      : 'No items match.';
    replace(results, data.items.length ? (state.view === 'table' ? itemTable(data.items) : itemGrid(data.items)) : null);
    replace(pager, ...pagerControls({
      total: data.total,
      offset: state.offset,
      pageSize: PAGE_SIZE,
      go(offset) {
        state.offset = offset;
        ctx.setQuery(queryOf(state));
        load().then(() => count.scrollIntoView({ block: 'nearest' }));
      },
    }));
  }

  await load();
}

function queryOf(state) {
  return {
    sort: state.sort === 'wilson' ? '' : state.sort, order: state.order === 'desc' ? '' : state.order, model: state.model, q: state.q,
    minVotes: state.minVotes, offset: state.offset || '', view: state.view === 'grid' ? '' : state.view,
  };
}

function filterForm(state, modelSelect, onChange) {
  const search = h('input', { type: 'search', name: 'q', value: state.q, placeholder: 'Prompt or id' });
  const sort = select(SORTS, state.sort, { name: 'sort' });
  const order = select(ORDERS, state.order, { name: 'order' });
  const minVotes = h('input', { type: 'number', name: 'minVotes', min: 0, step: 1, value: state.minVotes, inputmode: 'numeric' });
  const view = select(VIEWS, state.view, { name: 'view' });
  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => onChange({ q: search.value.trim() }), 300);
  });
  modelSelect.addEventListener('change', () => onChange({ model: modelSelect.value }));
  sort.addEventListener('change', () => onChange({ sort: sort.value }));
  order.addEventListener('change', () => onChange({ order: order.value }));
  minVotes.addEventListener('change', () => onChange({ minVotes: minVotes.value }));
  view.addEventListener('change', () => onChange({ view: view.value, offset: state.offset }));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter items' },
    field('Search', search), field('Model', modelSelect), field('Sort by', sort), field('Order', order),
    field('At least votes', minVotes), field('Show as', view));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange({ q: search.value.trim() });
  });
  return {
    element: form,
    reset(next) {
      search.value = next.q;
      sort.value = next.sort;
      order.value = next.order;
      minVotes.value = next.minVotes;
      modelSelect.value = next.model;
    },
  };
}

function fillModels(control, models, selected) {
  const options = [['', 'All models'], ...models.map((m) => [m, m])];
  if (selected && !models.includes(selected)) options.push([selected, selected]);
  replace(control, options.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

function thumbnail(item, size) {
  const src = safeImageSrc(item.imageUrl, location.origin);
  if (!src) return h('div', { class: 'thumb thumb-missing', role: 'img', 'aria-label': `Image of ${item.id} not shown` }, 'no image');
  // The prompt is written beside the image, so the image itself adds nothing to read out.
  return h('img', { class: 'thumb', src, alt: item.prompt ? '' : `Image ${item.id}`, loading: 'lazy', width: size, height: size, decoding: 'async' });
}

function counts(item) {
  return `${plural(item.likes, 'like')} · ${plural(item.dislikes, 'pass', 'passes')} · ${plural(item.skips, 'skip')}`;
}

function itemGrid(items) {
  return h('ul', { class: 'item-grid', 'aria-label': 'Items' }, items.map((item) => h('li', { class: 'item-card' },
    thumbnail(item, 240),
    h('div', { class: 'item-body' },
      h('p', { class: 'item-id' }, h('code', {}, item.id)),
      item.prompt ? h('p', { class: 'item-prompt' }, item.prompt) : null,
      h('p', { class: 'item-model' }, item.model || 'no model'),
      rateBar({ rate: item.likeRate, lower: item.wilsonLower, upper: item.wilsonUpper, width: 160 }),
      h('p', { class: 'item-rate' }, h('strong', {}, formatPercent(item.likeRate)), ' like rate · lower bound ',
        formatPercent(item.wilsonLower)),
      h('p', { class: 'item-counts' }, counts(item))))));
}

function itemTable(items) {
  return table({
    caption: 'Items',
    hideCaption: true,
    className: 'data item-table',
    columns: [{ label: 'Image' }, { label: 'Item' }, { label: 'Model' }, { label: 'Like rate' }, { label: 'Wilson interval', numeric: true },
      { label: 'Likes', numeric: true }, { label: 'Passes', numeric: true }, { label: 'Skips', numeric: true }, { label: 'Votes', numeric: true }],
    rows: items.map((item) => [
      thumbnail(item, 56),
      h('div', {}, h('code', {}, item.id), item.prompt ? h('div', { class: 'cell-note' }, item.prompt) : null),
      item.model || '—',
      h('div', { class: 'rate-cell' }, rateBar({ rate: item.likeRate, lower: item.wilsonLower, upper: item.wilsonUpper, width: 100 }),
        formatPercent(item.likeRate)),
      `${formatPercent(item.wilsonLower)} – ${formatPercent(item.wilsonUpper)}`,
      formatCount(item.likes), formatCount(item.dislikes), formatCount(item.skips), formatCount(item.votes),
    ]),
  });
}
