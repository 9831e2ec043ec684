// One rater up close: the flags against them with their reasons, what their votes look like,
// their rewards progress, and their ledger page by page.
import { h, replace, notice, table, badge, fact } from './dom.js';
import { formatCount, formatPercent, formatDateTime, plural, NONE } from './format.js';

const LEDGER_PAGE = 50;

/** True when the API says the app pays no rewards (so there is no progress, ledger or leaderboard). */
export function rewardsOff(error) {
  return error?.status === 404 && String(error.problem?.type || '').endsWith('/rewards-off');
}

/** Fills `container` with the rater's report; `onClose` hides it. */
export async function raterDetail(container, api, rater, onClose) {
  const path = `/v1/raters/${encodeURIComponent(rater)}`;
  const close = h('button', { type: 'button', class: 'button button-quiet' }, 'Close');
  close.addEventListener('click', onClose);
  const heading = h('h2', { id: 'rater-title', tabindex: '-1' }, 'Rater ', h('code', {}, rater));
  const quality = h('div', { class: 'stack' }, h('p', { class: 'loading' }, 'Loading…'));
  const progress = h('div', {});
  const ledger = h('div', {});
  replace(container, h('div', { class: 'panel-head' }, heading, close), quality,
    h('h3', {}, 'Rewards progress'), progress, h('h3', {}, 'Ledger'), ledger);
  heading.focus();

  const [report, standing] = await Promise.allSettled([api.get(`${path}/quality`), api.get(`${path}/progress`)]);
  if (report.status === 'fulfilled') replace(quality, ...qualityReport(report.value));
  else replace(quality, notice('error', report.reason.message));
  if (standing.status === 'fulfilled') replace(progress, progressReport(standing.value));
  else replace(progress, rewardsOff(standing.reason) ? h('p', { class: 'empty' }, 'This app pays no rewards, so there is no progress or ledger.')
    : notice('error', standing.reason.message));
  if (standing.status === 'rejected' && rewardsOff(standing.reason)) {
    replace(ledger, h('p', { class: 'empty' }, 'No ledger: rewards are off.'));
    return;
  }
  await ledgerPages(ledger, api, path);
}

function qualityReport(q) {
  const flags = q.flags.length
    ? h('ul', { class: 'flag-list' }, q.flags.map((f) => h('li', {}, badge(f.code, 'bad'), ' ', f.reason,
      h('span', { class: 'cell-note' }, ` since ${formatDateTime(f.since)}`))))
    : h('p', {}, badge('no flags', 'ok'), ' Nothing stands against this rater.');
  const v = q.votes;
  return [
    h('h3', {}, 'Quality'),
    flags,
    h('dl', { class: 'facts' },
      fact('Votes', formatCount(v.total)),
      fact('Like / pass / skip', `${formatCount(v.binary.likes)} / ${formatCount(v.binary.dislikes)} / ${formatCount(v.binary.skips)}`),
      fact('Pairs left / right / tie / skip', `${formatCount(v.pair.left)} / ${formatCount(v.pair.right)} / ${formatCount(v.pair.ties)} / ${formatCount(v.pair.skips)}`),
      fact('Gold answers', q.gold.answered ? `${formatCount(q.gold.correct)} of ${formatCount(q.gold.answered)} right (${formatPercent(q.gold.accuracy)})` : 'none yet'),
      fact('Fast votes', `${formatCount(q.speed.fastVotes)} of the latest ${formatCount(q.speed.ofLatest)}`),
      fact('Votes today', formatCount(q.today.votes)),
      fact('Weight (Dawid–Skene)', Number.isFinite(q.weight.accuracy) ? formatPercent(q.weight.accuracy) : NONE),
      fact('Days over the cap', q.cappedDays.length ? q.cappedDays.map((d) => `${d.day} (${formatCount(d.votes)})`).join(', ') : 'none')),
  ];
}

function progressReport(p) {
  return h('dl', { class: 'facts' },
    fact('Points', `${formatCount(p.points)}${p.pendingPoints ? ` (+${formatCount(p.pendingPoints)} pending)` : ''}`),
    fact('Tier', p.tier || 'none yet'),
    fact('Next milestone', p.nextMilestone ? `${p.nextMilestone}, ${plural(p.pointsToNext ?? 0, 'point')} to go` : 'none'),
    fact('Streak', plural(p.streakDays, 'day')),
    fact('Badges', p.badges.length ? p.badges.join(', ') : 'none'));
}

async function ledgerPages(container, api, path) {
  const rows = [];
  const more = h('button', { type: 'button', class: 'button' }, 'Load more');
  const body = h('div', {});
  const status = h('p', { class: 'result-count', role: 'status' });
  replace(container, status, body);
  let after = 0;
  async function page() {
    more.disabled = true;
    try {
      const answer = await api.get(`${path}/ledger`, { after, limit: LEDGER_PAGE });
      rows.push(...answer.entries);
      after = answer.next;
    } catch (e) {
      replace(body, notice('error', e.message));
      return;
    }
    more.disabled = false;
    status.textContent = rows.length ? `${plural(rows.length, 'entry', 'entries')} shown.` : 'No ledger entries yet.';
    replace(body, rows.length ? table({
      caption: 'Ledger entries',
      hideCaption: true,
      columns: [{ label: 'Seq', numeric: true }, { label: 'Policy' }, { label: 'Points', numeric: true }, { label: 'Reason' },
        { label: 'At' }, { label: 'Vested' }],
      rows: rows.map((e) => [String(e.seq), e.policy, formatCount(e.points), e.reason || NONE, formatDateTime(e.at),
        e.vested ? 'yes' : `at ${formatDateTime(e.vestsAt)}`]),
    }) : null, after != null ? more : null);
  }
  more.addEventListener('click', page);
  await page();
}
