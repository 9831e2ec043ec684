import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatCount, formatCompact, formatPercent, formatScore, plural, formatBytes, formatDateTime, formatClock, formatDay, formatAgo, NONE,
} from '../../../host-server/src/main/resources/admin/assets/format.js';

test('counts get thousands separators; missing values a dash', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCount(null), NONE);
  assert.equal(formatCount(undefined), NONE);
  assert.equal(formatCount(NaN), NONE);
});

test('axis labels are compact', () => {
  assert.equal(formatCompact(950), '950');
  assert.equal(formatCompact(12345), '12.3K');
  assert.equal(formatCompact(2_500_000), '2.5M');
});

test('rates are percentages; no rate yet is a dash, not 0%', () => {
  assert.equal(formatPercent(0.1234), '12.3%');
  assert.equal(formatPercent(1), '100.0%');
  assert.equal(formatPercent(0.5, 0), '50%');
  assert.equal(formatPercent(null), NONE);
});

test('scores keep three significant digits whatever the method', () => {
  assert.equal(formatScore(0.61234), '0.612');
  assert.equal(formatScore(0.5), '0.5');
  assert.equal(formatScore(-0.0456), '-0.0456');
  assert.equal(formatScore(1523.4), '1,523');
  assert.equal(formatScore(12.345), '12.3');
  assert.equal(formatScore(null), NONE);
});

test('plural picks the word by the number', () => {
  assert.equal(plural(1, 'vote'), '1 vote');
  assert.equal(plural(0, 'vote'), '0 votes');
  assert.equal(plural(1200, 'vote'), '1,200 votes');
  assert.equal(plural(2, 'pass', 'passes'), '2 passes');
  assert.equal(plural(1, 'entry', 'entries'), '1 entry');
});

test('bytes in binary units', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(10_485_760), '10 MB');
});

test('times are written in the zone asked for; nonsense is a dash', () => {
  const iso = '2026-11-27T13:05:09Z';
  assert.equal(formatDateTime(iso, { timeZone: 'UTC' }), 'Nov 27, 13:05');
  assert.equal(formatDateTime(iso, { timeZone: 'UTC', seconds: true }), 'Nov 27, 13:05:09');
  assert.equal(formatDateTime(iso, { timeZone: 'Asia/Tokyo' }), 'Nov 27, 22:05');
  assert.equal(formatClock(iso, { timeZone: 'UTC' }), '13:05');
  assert.equal(formatClock(Date.parse(iso), { timeZone: 'America/New_York' }), '08:05');
  assert.equal(formatDay('2026-11-27T23:30:00Z', { timeZone: 'Europe/Berlin' }), 'Nov 28');
  assert.equal(formatDateTime('not a time'), NONE);
  assert.equal(formatDateTime(null), NONE);
});

test('how long ago, coarsely', () => {
  const now = Date.parse('2026-11-27T13:00:00Z');
  assert.equal(formatAgo('2026-11-27T12:59:30Z', now), 'just now');
  assert.equal(formatAgo('2026-11-27T12:55:00Z', now), '5 min ago');
  assert.equal(formatAgo('2026-11-27T10:00:00Z', now), '3 h ago');
  assert.equal(formatAgo('2026-11-24T13:00:00Z', now), '3 days ago');
  assert.equal(formatAgo(null, now), NONE);
});
