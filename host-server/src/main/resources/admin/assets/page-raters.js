// Raters: the app's agreement and alarms, every rater with their flags and reasons (a click
// opens one rater's report, ledger and progress), a lookup by id, and the leaderboard.
import { h, replace, pageHeading, field, select, table, notice, badge, loading, stat } from './dom.js';
import { formatCount, formatPercent, plural, NONE } from './format.js';
import { raterList } from './rater-list.js';
import { raterDetail, rewardsOff } from './rater-detail.js';

const PERIODS = [['week', 'This week'], ['day', 'Today'], ['all', 'All time']];

export async function render(section, ctx) {
  const { api } = ctx;
  const glance = h('section', { class: 'panel stack', 'aria-labelledby': 'glance-title' }, h('h2', { id: 'glance-title' }, 'Quality at a glance'));
  const detail = h('section', { class: 'panel rater-detail', 'aria-labelledby': 'rater-title', hidden: true });
  const everyone = h('section', { class: 'panel stack', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, 'All raters'));
  const board = h('section', { class: 'panel stack', 'aria-labelledby': 'board-title' }, h('h2', { id: 'board-title' }, 'Leaderboard'));
  section.append(pageHeading('Raters', 'Who votes, whether their votes can be trusted, and what they have earned.'),
    glance, detail, everyone, board);

  function open(rater) {
    ctx.setQuery({ rater });
    detail.hidden = false;
    raterDetail(detail, api, rater, () => {
      detail.hidden = true;
      replace(detail);
      ctx.setQuery({ rater: '' });
      everyone.querySelector('h2')?.focus();
    }).catch(() => { /* shown in the panel */ });
  }

  if (ctx.query.rater) open(ctx.query.rater);
  await Promise.allSettled([showGlance(glance, api), raterList(everyone, api, open, lookupForm(open)), showBoard(board, api, open)]);
}

function lookupForm(open) {
  const input = h('input', { type: 'search', name: 'rater', required: true, spellcheck: 'false', maxlength: 128 });
  const form = h('form', { class: 'filters lookup', role: 'search', 'aria-label': 'Find a rater' },
    field('Rater id', input), h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, 'Show rater')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) open(input.value.trim());
  });
  return form;
}

async function showGlance(container, api) {
  const body = h('div', { class: 'stack' });
  container.append(body);
  const q = await loading(body, api.get('/v1/quality'));
  const alpha = q.agreement.alpha;
  replace(body,
    h('dl', { class: 'stat-grid' },
      stat('Raters', formatCount(q.raters)),
      stat('Flagged raters', formatCount(q.flaggedRaters), q.raters ? formatPercent(q.flaggedRaters / q.raters) : null),
      stat('Agreement (Krippendorff α)', Number.isFinite(alpha) ? alpha.toFixed(2) : NONE,
        `over ${plural(q.agreement.items, 'item')} with several votes`)),
    q.alarms.length
      ? h('ul', { class: 'alarm-list', 'aria-label': 'Alarms' }, q.alarms.map((a) => h('li', {}, badge('alarm', 'bad'), ' ', a.message)))
      : h('p', {}, badge('no alarms', 'ok'), ' Flag rates are at their usual level.'));
}

async function showBoard(container, api, open) {
  const period = select(PERIODS, 'week', { name: 'period' });
  const body = h('div', {});
  const status = h('p', { class: 'result-count', role: 'status' });
  container.append(h('form', { class: 'filters', 'aria-label': 'Leaderboard period' }, field('Period', period)), status, body);
  const load = async () => {
    let board;
    try {
      board = await api.get('/v1/leaderboard', { period: period.value, limit: 25 });
    } catch (e) {
      replace(body, rewardsOff(e) ? h('p', { class: 'empty' }, 'This app pays no rewards, so there is no leaderboard.') : notice('error', e.message));
      status.textContent = '';
      return;
    }
    status.textContent = board.raters.length ? `${plural(board.raters.length, 'rater')} listed.` : '';
    replace(body, board.raters.length ? table({
      caption: 'Leaderboard',
      hideCaption: true,
      columns: [{ label: 'Rank', numeric: true }, { label: 'Name' }, { label: 'Rater' }, { label: 'Points', numeric: true }],
      rows: board.raters.map((r) => {
        const button = h('button', { type: 'button', class: 'link-button' }, r.rater);
        button.addEventListener('click', () => open(r.rater));
        return [String(r.rank), r.displayName, button, formatCount(r.points)];
      }),
    }) : h('p', { class: 'empty' }, 'Nobody is listed for this period: raters appear once they choose a display name.'));
  };
  period.addEventListener('change', load);
  await load();
}
