/**
 * What the meter shows for a rater's progress, kept pure so it is tested without a browser.
 * The server does not say where the previous milestone was, so the bar runs from zero:
 * points / (points + pointsToNext), full at the top tier. Without any tier (an app that
 * rewards points only) there is nothing to fill, and `bar` is null.
 * @param {import('./progress-source.js').Progress} p
 * @returns {{bar: {now: number, max: number, fraction: number} | null, text: string,
 *   valueText: string, detail: string}} `text` as shown ("12 points · 38 to Early access"),
 *   `valueText` the same for a screen reader (commas, not dots), `detail` pending points and
 *   the streak, or ''
 */
export function describeProgress(p) {
  const next = p.nextMilestone && p.pointsToNext !== null;
  const parts = [count(p.points, 'point'), next ? `${p.pointsToNext} to ${p.nextMilestone}` : p.tier].filter(Boolean);
  const detail = [p.pendingPoints > 0 && `+${p.pendingPoints} pending`, p.streakDays >= 2 && `${p.streakDays}-day streak`].filter(Boolean);
  let bar = null;
  if (next) bar = { now: p.points, max: p.points + p.pointsToNext, fraction: p.points + p.pointsToNext > 0 ? p.points / (p.points + p.pointsToNext) : 0 };
  else if (p.tier) bar = { now: p.points, max: p.points, fraction: 1 };
  return { bar, text: parts.join(' · '), valueText: parts.join(', '), detail: detail.join(' · ') };
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
