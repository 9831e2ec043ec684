// Overview: votes in the last minute (refreshed every 5 s), totals, like rate, and votes over
// time per minute (the last hour) and per hour (7 days).
import { h, replace, pageHeading, loading, stat } from './dom.js';
import { chartFigure, timeChart, chartTable } from './charts.js';
import { formatCount, formatPercent, formatDateTime, formatClock, plural } from './format.js';
import { peakIndex } from './chart-math.js';

const REFRESH_MS = 5000;
const HOUR = 3600_000;
const MINUTE = 60_000;

export async function render(section, { api }) {
  const body = h('div', { class: 'stack' });
  section.append(pageHeading('Overview', 'How many votes arrive, and how people judge the images.'), body);
  let data = await loading(body, api.get('/v1/admin/overview'));

  const numbers = h('dl', { class: 'stat-grid' });
  const updated = h('p', { class: 'updated' });
  const hourly = chartFigure({ caption: 'Votes per hour, last 7 days', draw: hourlyDraw(data), table: () => hourlyTable(data) });
  const minutely = chartFigure({ caption: 'Votes per minute, last hour', draw: minutelyDraw(data), table: () => minutelyTable(data) });
  replace(body, numbers, updated,
    h('div', { class: 'panel' }, minutely.element),
    h('div', { class: 'panel' }, hourly.element));
  showNumbers(numbers, updated, data);

  const timer = setInterval(async () => {
    if (document.hidden) return;
    try {
      data = await api.get('/v1/admin/overview');
    } catch (e) {
      updated.textContent = `Could not refresh: ${e.message}`;
      return;
    }
    showNumbers(numbers, updated, data);
    hourly.update({ draw: hourlyDraw(data), table: () => hourlyTable(data) });
    minutely.update({ draw: minutelyDraw(data), table: () => minutelyTable(data) });
  }, REFRESH_MS);
  return () => {
    clearInterval(timer);
    hourly.disconnect();
    minutely.disconnect();
  };
}

function showNumbers(dl, updated, data) {
  replace(dl,
    stat('Votes in the last minute', formatCount(data.votesLastMinute), 'refreshed every 5 s', 'stat stat-live'),
    stat('Votes', formatCount(data.totals.votes)),
    stat('Items', formatCount(data.totals.items)),
    stat('Raters', formatCount(data.totals.raters)),
    stat('Like rate', formatPercent(data.likeRate), 'likes of likes and passes'));
  updated.textContent = `Updated ${formatClock(new Date(), { seconds: true })}, as of vote ${formatCount(data.asOfSeq)}.`;
}

function hourlyDraw(data) {
  const points = data.perHour.map((p) => ({ t: Date.parse(p.t), values: { votes: p.votes, likes: p.likes } }));
  const total = points.reduce((sum, p) => sum + p.values.votes, 0);
  const peak = peakIndex(points.map((p) => p.values.votes));
  const desc = total
    ? `${plural(total, 'vote')} in the last 7 days; the busiest hour began ${formatDateTime(points[peak].t)} with ${plural(points[peak].values.votes, 'vote')}.`
    : 'No votes in the last 7 days.';
  return (width) => timeChart({
    points, bucketMs: HOUR, width, title: 'Votes per hour, last 7 days', desc,
    series: [{ key: 'votes', label: 'Votes', kind: 'area', tone: 1 }, { key: 'likes', label: 'Likes', kind: 'line', tone: 2 }],
    tip: (p) => `${formatDateTime(p.t)}: ${plural(p.values.votes, 'vote')}, ${plural(p.values.likes, 'like')}`,
  });
}

function minutelyDraw(data) {
  const points = data.perMinute.map((p) => ({ t: Date.parse(p.t), values: { votes: p.votes } }));
  const total = points.reduce((sum, p) => sum + p.values.votes, 0);
  const peak = peakIndex(points.map((p) => p.values.votes));
  const desc = total
    ? `${plural(total, 'vote')} in the last hour; the busiest minute was ${formatClock(points[peak].t)} with ${plural(points[peak].values.votes, 'vote')}.`
    : 'No votes in the last hour.';
  return (width) => timeChart({
    points, bucketMs: MINUTE, width, height: 180, title: 'Votes per minute, last hour', desc,
    series: [{ key: 'votes', label: 'Votes', kind: 'bars', tone: 1 }],
    tip: (p) => `${formatClock(p.t)}: ${plural(p.values.votes, 'vote')}`,
  });
}

function hourlyTable(data) {
  return chartTable('Votes per hour, last 7 days',
    [{ label: 'Hour starting', rowHeader: true }, { label: 'Votes', numeric: true }, { label: 'Likes', numeric: true }, { label: 'Passes', numeric: true }],
    data.perHour.map((p) => [formatDateTime(p.t), formatCount(p.votes), formatCount(p.likes), formatCount(p.dislikes)]));
}

function minutelyTable(data) {
  return chartTable('Votes per minute, last hour',
    [{ label: 'Minute', rowHeader: true }, { label: 'Votes', numeric: true }],
    data.perMinute.map((p) => [formatClock(p.t), formatCount(p.votes)]));
}
