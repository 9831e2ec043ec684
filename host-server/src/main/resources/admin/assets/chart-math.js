// The arithmetic of the charts: scales, "nice" ticks, SVG path strings. Pure functions, no DOM,
// so node unit tests check them; charts.js turns their answers into elements.

/**
 * A linear map from a domain to a range (pixels). A domain of zero width maps everything to
 * the middle of the range, so a series of equal values still draws.
 * @param {[number, number]} domain @param {[number, number]} range
 * @returns {(value: number) => number}
 */
export function scaleLinear([d0, d1], [r0, r1]) {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** The "nice" step (1, 2, 2.5 or 5 times a power of ten) that cuts [min, max] into about `count` parts. */
export function tickStep(min, max, count = 5) {
  const span = Math.abs(max - min);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round tick values covering [min, max] (the first at or below min, the last at or above max),
 * e.g. niceTicks(0, 37) → [0, 10, 20, 30, 40]. Values are rounded so 0.1 + 0.2 prints as 0.3.
 */
export function niceTicks(min, max, count = 5) {
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.5;
    return niceTicks(min - pad, max + pad, count);
  }
  const step = tickStep(min, max, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

/**
 * Counts never go below zero and are whole: ticks from 0 to a round number at or above the
 * largest count, on a whole step (so no "2.5 votes" label).
 */
export function countTicks(maxCount, count = 4) {
  const max = Math.max(1, maxCount);
  let step = tickStep(0, max, count);
  if (step < 1) step = 1;
  else if (!Number.isInteger(step)) step = Math.ceil(step / 5) * 5; // 2.5 → 5
  const ticks = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIME_STEPS = [MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  24 * HOUR, 2 * 24 * HOUR, 3 * 24 * HOUR, 7 * 24 * HOUR];

/**
 * Tick instants (ms) inside [start, end] on a round step (10 min, 6 h, a day…) chosen so about
 * `count` fit. Steps are aligned in the viewer's time zone: `offsetMinutes` is
 * Date#getTimezoneOffset() (minutes to add to local time to get UTC; 0 for UTC).
 */
export function timeTicks(start, end, count = 6, offsetMinutes = 0) {
  if (!(end > start)) return [start];
  const wanted = (end - start) / Math.max(1, count);
  const step = TIME_STEPS.find((s) => s >= wanted) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const shift = -offsetMinutes * MINUTE; // local = utc + shift
  const first = Math.ceil((start + shift) / step) * step - shift;
  const ticks = [];
  for (let t = first; t <= end; t += step) ticks.push(t);
  return ticks;
}

/** The step timeTicks picked, so labels can say days or clock times. */
export function timeTickStep(ticks) {
  return ticks.length > 1 ? ticks[1] - ticks[0] : Infinity;
}

const round = (v) => Math.round(v * 10) / 10;

/** "M x0 y0 L x1 y1 …" through the points ([x, y] pairs); "" for none. */
export function linePath(points) {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)} ${round(y)}`).join(' ');
}

/** The line through the points closed down to `baseline` (a y in pixels), for a filled area. */
export function areaPath(points, baseline) {
  if (!points.length) return '';
  const first = points[0];
  const last = points[points.length - 1];
  return `${linePath(points)} L${round(last[0])} ${round(baseline)} L${round(first[0])} ${round(baseline)} Z`;
}

/**
 * Where `n` bars go in a width: each bar's left edge and the bar width, with `gapRatio` of
 * each slot left empty (at least one pixel between bars when they are wide enough).
 */
export function bandLayout(n, width, gapRatio = 0.2) {
  if (n <= 0) return { slot: 0, bar: 0, x: () => 0 };
  const slot = width / n;
  const gap = slot >= 3 ? Math.max(1, slot * gapRatio) : 0;
  const bar = Math.max(0.5, slot - gap);
  return { slot, bar, x: (i) => i * slot + (slot - bar) / 2 };
}

/**
 * The span interval bars are drawn over: every lower and upper bound inside, padded a little;
 * when all values are rates (within [0, 1]) the span is [0, 1] so bars compare across pages.
 * @param {{lower: number, upper: number, score: number}[]} rows
 */
export function intervalDomain(rows) {
  const values = rows.flatMap((r) => [r.lower, r.upper, r.score]).filter(Number.isFinite);
  if (!values.length) return [0, 1];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min >= 0 && max <= 1) return [0, 1];
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

/** The index of the largest value (the first when tied), or -1 for an empty list. */
export function peakIndex(values) {
  let best = -1;
  values.forEach((v, i) => {
    if (best < 0 || v > values[best]) best = i;
  });
  return best;
}
