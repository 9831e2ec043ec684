// Numbers, rates, times and sizes as the dashboard writes them. Pure functions (node unit
// tests import them); "—" stands for a value that does not exist yet (no votes, no rate).

export const NONE = '—';

const counts = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234 → "1,234"; null → "—". */
export function formatCount(n) {
  return Number.isFinite(n) ? counts.format(n) : NONE;
}

/** Axis labels: 950 → "950", 12345 → "12.3K", 2500000 → "2.5M". */
export function formatCompact(n) {
  return Number.isFinite(n) ? compact.format(n) : NONE;
}

/** A rate in [0, 1] as a percentage: 0.1234 → "12.3%"; null → "—". */
export function formatPercent(x, digits = 1) {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : NONE;
}

/**
 * A score of any ranking method with three significant digits, without a trailing ".0":
 * 0.61234 → "0.612", 1523.4 → "1,523", -0.5 → "-0.5".
 */
export function formatScore(x) {
  if (!Number.isFinite(x)) return NONE;
  if (Math.abs(x) >= 1000) return counts.format(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

/** "1 vote", "2 votes", "1,200 votes". */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 0 → "0 B", 1536 → "1.5 KB", 10485760 → "10 MB". */
export function formatBytes(n) {
  if (!Number.isFinite(n)) return NONE;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}

/**
 * An instant as a date and time: "Nov 27, 13:05". `timeZone` defaults to the viewer's own;
 * tests pass "UTC". Unparseable or missing → "—".
 */
export function formatDateTime(iso, { timeZone, seconds = false } = {}) {
  const date = toDate(iso);
  if (!date) return NONE;
  return new Intl.DateTimeFormat('en-US', {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    ...(seconds ? { second: '2-digit' } : {}), timeZone,
  }).format(date);
}

/** A clock time: "13:05" (or "13:05:09" with seconds). */
export function formatClock(iso, { timeZone, seconds = false } = {}) {
  const date = toDate(iso);
  if (!date) return NONE;
  return new Intl.DateTimeFormat('en-US', {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(seconds ? { second: '2-digit' } : {}), timeZone,
  }).format(date);
}

/** A day: "Nov 27". */
export function formatDay(iso, { timeZone } = {}) {
  const date = toDate(iso);
  if (!date) return NONE;
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(date);
}

/** How long ago, coarsely: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso, now = Date.now()) {
  const date = toDate(iso);
  if (!date) return NONE;
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

function toDate(value) {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
