// Inline SVG charts drawn at the width they get (text stays legible on a phone): a time
// chart (area and lines, or bars) with axes and a pointer read-out, interval bars (score with
// lower–upper whiskers) and small rate bars. Every chart has a <title> and <desc>, and the
// figure around it a data table, so nothing is only visible.
import { h, svg, uniqueId, replace, table } from './dom.js';
import {
  scaleLinear, countTicks, timeTicks, timeTickStep, linePath, areaPath, bandLayout, intervalDomain,
} from './chart-math.js';
import { formatCompact, formatClock, formatDay, formatScore, formatPercent } from './format.js';

const DAY = 24 * 3600_000;

/**
 * A <figure> whose chart is redrawn when its width changes, with a caption and a collapsible
 * data table; update() swaps the data and keeps the table's open state.
 * @param {{caption: string, draw: (width: number) => Element, table: () => Element}} spec
 */
export function chartFigure({ caption, draw, table: makeTable }) {
  const canvas = h('div', { class: 'chart-canvas' });
  const tableSlot = h('div', { class: 'chart-table' });
  const details = h('details', {}, h('summary', {}, `${caption}: data table`), tableSlot);
  const figure = h('figure', { class: 'chart' }, h('figcaption', {}, caption), canvas, details);
  let current = { draw, makeTable };
  let lastWidth = 0;
  const paint = () => {
    const width = Math.floor(canvas.clientWidth || canvas.parentElement?.clientWidth || 600);
    lastWidth = width;
    replace(canvas, current.draw(width));
  };
  const observer = new ResizeObserver(() => {
    if (Math.abs(Math.floor(canvas.clientWidth) - lastWidth) > 1) paint();
  });
  observer.observe(canvas);
  requestAnimationFrame(paint);
  replace(tableSlot, makeTable());
  return {
    element: figure,
    update(next) {
      current = { draw: next.draw, makeTable: next.table };
      paint();
      replace(tableSlot, next.table());
    },
    disconnect: () => observer.disconnect(),
  };
}

function frame(width, height, title, desc) {
  const titleId = uniqueId('chart-title');
  const descId = uniqueId('chart-desc');
  return svg('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart-svg',
  }, svg('title', { id: titleId }, title), svg('desc', { id: descId }, desc));
}

/**
 * Counts over time. `points` are buckets {t (ms), values: {key: n}} oldest first, all the
 * same length `bucketMs`; `series` says which values to draw: as an area, a line or bars.
 * @param {{points: {t: number, values: Record<string, number>}[], series: {key: string, label: string, kind: 'area'|'line'|'bars', tone: string}[],
 *   bucketMs: number, width: number, height?: number, title: string, desc: string, tip: (p: object) => string}} spec
 */
export function timeChart({ points, series, bucketMs, width, height = 220, title, desc, tip }) {
  const margin = { top: series.length > 1 ? 30 : 12, right: 14, bottom: 26, left: 44 };
  const plotW = Math.max(10, width - margin.left - margin.right);
  const plotH = height - margin.top - margin.bottom;
  const root = frame(width, height, title, desc);
  const start = points.length ? points[0].t : Date.now();
  const end = points.length ? points[points.length - 1].t + bucketMs : start + bucketMs;
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  const ticks = countTicks(max, plotH < 150 ? 3 : 4);
  const y = scaleLinear([0, ticks[ticks.length - 1]], [plotH, 0]);
  const x = scaleLinear([start, end], [0, plotW]);
  const plot = svg('g', { transform: `translate(${margin.left},${margin.top})` });
  root.append(plot);

  for (const tick of ticks) {
    plot.append(svg('line', { class: 'grid', x1: 0, x2: plotW, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'axis-label', x: -6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, formatCompact(tick)));
  }
  const offset = new Date(start).getTimezoneOffset();
  const xTicks = timeTicks(start, end, Math.max(2, Math.floor(plotW / 70)), offset);
  const byDay = timeTickStep(xTicks) >= DAY;
  for (const t of xTicks) {
    plot.append(svg('line', { class: 'tick', x1: x(t), x2: x(t), y1: plotH, y2: plotH + 4 }),
      svg('text', { class: 'axis-label', x: x(t), y: plotH + 16, 'text-anchor': 'middle' }, byDay ? formatDay(t) : formatClock(t)));
  }
  plot.append(svg('line', { class: 'axis', x1: 0, x2: plotW, y1: plotH, y2: plotH }));

  const centre = (p) => x(p.t + bucketMs / 2);
  for (const s of series) {
    const coords = points.map((p) => [centre(p), y(p.values[s.key] ?? 0)]);
    if (s.kind === 'bars') {
      const band = bandLayout(points.length, plotW);
      points.forEach((p, i) => {
        const value = p.values[s.key] ?? 0;
        if (value > 0) plot.append(svg('rect', { class: `bar tone-${s.tone}`, x: band.x(i), y: y(value), width: band.bar, height: plotH - y(value) }));
      });
    } else if (s.kind === 'area') {
      plot.append(svg('path', { class: `area tone-${s.tone}`, d: areaPath(coords, plotH) }),
        svg('path', { class: `line tone-${s.tone}`, d: linePath(coords) }));
    } else {
      plot.append(svg('path', { class: `line tone-${s.tone}`, d: linePath(coords) }));
    }
  }
  if (series.length > 1) {
    const legend = svg('g', { class: 'legend', transform: `translate(${margin.left},4)` });
    let lx = 0;
    for (const s of series) {
      legend.append(svg('rect', { class: `swatch tone-${s.tone}`, x: lx, y: 0, width: 10, height: 10, rx: 2 }),
        svg('text', { class: 'legend-label', x: lx + 14, y: 9 }, s.label));
      lx += 24 + s.label.length * 7;
    }
    root.append(legend);
  }
  addPointer(root, plot, points, { centre, plotW, plotH, bucketMs, start, margin, tip });
  return root;
}

/** A guide line and a read-out that follow the pointer over a time chart. */
function addPointer(root, plot, points, { centre, plotW, plotH, bucketMs, start, margin, tip }) {
  if (!points.length) return;
  const guide = svg('line', { class: 'guide', y1: 0, y2: plotH, visibility: 'hidden' });
  const label = svg('text', { class: 'tip-text', y: -2, visibility: 'hidden' });
  const hit = svg('rect', { class: 'hit', x: 0, y: 0, width: plotW, height: plotH });
  plot.append(guide, label, hit);
  const hide = () => {
    guide.setAttribute('visibility', 'hidden');
    label.setAttribute('visibility', 'hidden');
  };
  hit.addEventListener('pointerleave', hide);
  hit.addEventListener('pointermove', (event) => {
    const box = root.getBoundingClientRect();
    const px = event.clientX - box.left - margin.left;
    const t = start + (px / plotW) * (points.length * bucketMs);
    const index = Math.min(points.length - 1, Math.max(0, Math.floor((t - start) / bucketMs)));
    const point = points[index];
    const gx = centre(point);
    guide.setAttribute('x1', gx);
    guide.setAttribute('x2', gx);
    label.textContent = tip(point);
    label.setAttribute('x', Math.min(Math.max(gx, 0), plotW));
    label.setAttribute('text-anchor', gx > plotW * 0.66 ? 'end' : gx < plotW * 0.33 ? 'start' : 'middle');
    guide.setAttribute('visibility', 'visible');
    label.setAttribute('visibility', 'visible');
  });
}

/**
 * Interval bars: one row per entry with a dot at its score and whiskers from lower to upper,
 * on a shared axis (0–100 % for rates, else the span of the values).
 * @param {{rows: {label: string, score: number, lower: number, upper: number}[], width: number, title: string, desc: string}} spec
 */
export function intervalChart({ rows, width, title, desc }) {
  const domain = intervalDomain(rows);
  const rates = domain[0] === 0 && domain[1] === 1;
  const fmt = rates ? (v) => formatPercent(v, 0) : formatScore;
  const rowH = 26;
  const labelW = Math.min(200, Math.max(90, Math.floor(width * 0.32)));
  const valueW = 54;
  const margin = { top: 8, right: valueW, bottom: 26, left: labelW };
  const plotW = Math.max(20, width - margin.left - margin.right);
  const height = margin.top + rows.length * rowH + margin.bottom;
  const root = frame(width, height, title, desc);
  const x = scaleLinear(domain, [0, plotW]);
  const plot = svg('g', { transform: `translate(${margin.left},${margin.top})` });
  root.append(plot);
  const plotH = rows.length * rowH;
  const ticks = rates ? [0, 0.25, 0.5, 0.75, 1] : axisTicks(domain, plotW);
  for (const t of ticks) {
    plot.append(svg('line', { class: 'grid', x1: x(t), x2: x(t), y1: 0, y2: plotH }),
      svg('text', { class: 'axis-label', x: x(t), y: plotH + 16, 'text-anchor': 'middle' }, fmt(t)));
  }
  const maxChars = Math.floor((labelW - 10) / 7);
  rows.forEach((row, i) => {
    const cy = i * rowH + rowH / 2;
    const name = row.label.length > maxChars ? `${row.label.slice(0, maxChars - 1)}…` : row.label;
    const g = svg('g', { class: 'interval-row' },
      svg('title', {}, `${row.label}: ${fmt(row.score)} (${fmt(row.lower)} to ${fmt(row.upper)})`),
      svg('text', { class: 'row-label', x: -8, y: cy, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, name));
    if ([row.lower, row.upper].every(Number.isFinite)) {
      g.append(svg('line', { class: 'whisker', x1: x(row.lower), x2: x(row.upper), y1: cy, y2: cy }),
        svg('line', { class: 'whisker', x1: x(row.lower), x2: x(row.lower), y1: cy - 6, y2: cy + 6 }),
        svg('line', { class: 'whisker', x1: x(row.upper), x2: x(row.upper), y1: cy - 6, y2: cy + 6 }));
    }
    if (Number.isFinite(row.score)) {
      g.append(svg('circle', { class: 'score-dot', cx: x(row.score), cy, r: 5 }),
        svg('text', { class: 'value-label', x: plotW + 8, y: cy, 'dominant-baseline': 'middle' }, fmt(row.score)));
    }
    plot.append(g);
  });
  return root;
}

function axisTicks([min, max], plotW) {
  const count = Math.max(2, Math.floor(plotW / 80));
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => min + i * step);
}

/**
 * A small bar for one item: the like rate filled from 0, the Wilson interval as whiskers.
 * Its accessible name says the numbers.
 */
export function rateBar({ rate, lower, upper, width = 140 }) {
  const height = 16;
  const x = scaleLinear([0, 1], [1, width - 1]);
  const known = Number.isFinite(rate);
  const label = known
    ? `Like rate ${formatPercent(rate)}, Wilson interval ${formatPercent(lower)} to ${formatPercent(upper)}`
    : 'No like or pass yet';
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'rate-bar' },
    svg('title', {}, label),
    svg('rect', { class: 'rate-track', x: 0.5, y: 4, width: width - 1, height: 8, rx: 4 }));
  if (known) {
    root.append(svg('rect', { class: 'rate-fill', x: 1, y: 4, width: Math.max(0, x(rate) - 1), height: 8, rx: 4 }));
    if ([lower, upper].every(Number.isFinite)) {
      root.append(svg('line', { class: 'rate-whisker', x1: x(lower), x2: x(upper), y1: 8, y2: 8 }),
        svg('line', { class: 'rate-whisker', x1: x(lower), x2: x(lower), y1: 2, y2: 14 }),
        svg('line', { class: 'rate-whisker', x1: x(upper), x2: x(upper), y1: 2, y2: 14 }));
    }
  }
  return root;
}

/** The data table beside a chart: caption, headers, rows. */
export function chartTable(caption, columns, rows) {
  return table({ caption, hideCaption: true, columns, rows });
}
