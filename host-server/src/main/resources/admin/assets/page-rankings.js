// Rankings: models and items by the chosen method, each score drawn with its interval, so a
// lead that the intervals overlap is seen as no lead.
import { h, replace, pageHeading, field, select, notice } from './dom.js';
import { chartFigure, intervalChart, chartTable } from './charts.js';
import { formatCount, formatScore, plural } from './format.js';

const METHODS = [
  ['wilson', 'Wilson lower bound (like/pass votes)'],
  ['bayes', 'Bayesian mean (like/pass votes)'],
  ['bt', 'Bradley–Terry (pair votes)'],
  ['elo', 'Elo (pair votes)'],
];
const METHOD_NAMES = { wilson: 'Wilson lower bound', bayes: 'Bayesian mean', bt: 'Bradley–Terry strength', elo: 'Elo rating' };
const ITEMS_STEP = 20;

export async function render(section, ctx) {
  const { api } = ctx;
  const state = { method: METHODS.some(([m]) => m === ctx.query.method) ? ctx.query.method : 'wilson', items: ITEMS_STEP };
  const method = select(METHODS, state.method, { name: 'method' });
  const models = h('section', { class: 'panel', 'aria-labelledby': 'models-title' }, h('h2', { id: 'models-title' }, 'Models'));
  const items = h('section', { class: 'panel', 'aria-labelledby': 'items-title' }, h('h2', { id: 'items-title' }, 'Items'));
  const modelsBody = h('div', { class: 'stack' });
  const itemsBody = h('div', { class: 'stack' });
  const status = h('p', { class: 'result-count', role: 'status' });
  models.append(modelsBody);
  items.append(itemsBody);
  const figures = [];
  method.addEventListener('change', () => {
    state.method = method.value;
    state.items = ITEMS_STEP;
    ctx.setQuery({ method: state.method === 'wilson' ? '' : state.method });
    load();
  });
  section.append(pageHeading('Rankings', 'Dots are scores, whiskers their intervals; where two intervals overlap, the order between them is not settled yet.'),
    h('form', { class: 'filters', 'aria-label': 'Ranking method' }, field('Method', method)), status, models, items);

  async function load() {
    figures.splice(0).forEach((f) => f.disconnect());
    try {
      const [byModel, byItem] = await Promise.all([
        api.get('/v1/rankings', { of: 'models', method: state.method, limit: 100 }),
        api.get('/v1/rankings', { of: 'items', method: state.method, limit: state.items }),
      ]);
      status.textContent = `Ranked by ${METHODS.find(([m]) => m === state.method)[1]}, as of vote ${formatCount(byItem.asOfSeq)}`
        + `${byItem.stale || byModel.stale ? ' (scores are catching up with the latest votes)' : ''}.`;
      showRanking(modelsBody, byModel, 'models');
      showRanking(itemsBody, byItem, 'items');
      if (byItem.total > byItem.rankings.length) {
        const more = h('button', { type: 'button', class: 'button' }, `Show ${Math.min(ITEMS_STEP, byItem.total - byItem.rankings.length)} more`);
        more.addEventListener('click', () => {
          state.items += ITEMS_STEP;
          load();
        });
        itemsBody.append(h('div', { class: 'actions' },
          h('p', {}, `Showing the top ${formatCount(byItem.rankings.length)} of ${plural(byItem.total, 'item')}.`), more));
      }
    } catch (e) {
      replace(modelsBody, notice('error', e.message));
      replace(itemsBody);
    }
  }

  function showRanking(container, ranking, of) {
    if (!ranking.rankings.length) {
      replace(container, h('p', { class: 'empty' }, `No ${of} ranked yet: ${state.method === 'bt' || state.method === 'elo'
        ? 'pair votes' : 'like and pass votes'} make the ranking.`));
      return;
    }
    const noun = of === 'models' ? 'Models' : 'Items';
    const by = METHOD_NAMES[state.method];
    const rows = ranking.rankings.map((r) => ({ label: r.id, score: r.score, lower: r.lower ?? NaN, upper: r.upper ?? NaN }));
    const leader = ranking.rankings[0];
    const figure = chartFigure({
      caption: `${noun} by ${by}`,
      draw: (width) => intervalChart({
        rows, width, title: `${noun} ranked by ${by}`,
        desc: `${plural(ranking.total, of === 'models' ? 'model' : 'item')} ranked; first is ${leader.id} with ${formatScore(leader.score)}.`,
      }),
      table: () => chartTable(`${noun} ranked by ${by}`,
        [{ label: 'Rank', numeric: true }, { label: of === 'models' ? 'Model' : 'Item' }, ...(of === 'items' ? [{ label: 'Model' }] : []),
          { label: 'Score', numeric: true }, { label: 'Interval', numeric: true }, { label: 'Votes' }],
        ranking.rankings.map((r) => [String(r.rank), r.id, ...(of === 'items' ? [r.model || '—'] : []), formatScore(r.score),
          r.lower == null ? '—' : `${formatScore(r.lower)} – ${formatScore(r.upper)}`, voteSummary(r.votes)])),
    });
    figures.push(figure);
    replace(container, figure.element);
  }

  await load();
  return () => figures.forEach((f) => f.disconnect());
}

function voteSummary(votes) {
  if ('wins' in votes) return `${formatCount(votes.wins)} wins, ${formatCount(votes.losses)} losses, ${formatCount(votes.ties)} ties`;
  return `${formatCount(votes.likes)} likes, ${formatCount(votes.dislikes)} passes, ${formatCount(votes.skips)} skips`;
}
