import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelay, retryAfterMs, isRetryable, RETRY_DEFAULTS } from '../../src/retry-schedule.js';

const LOW = () => 0;
const HIGH = () => 0.999;
const opts = { baseMs: 1000, maxMs: 30000 };

test('retryDelay: equal jitter between step/2 and step, step doubling per attempt', () => {
  for (const [attempt, step] of [[0, 1000], [1, 2000], [2, 4000], [3, 8000], [4, 16000]]) {
    assert.equal(retryDelay(attempt, opts, LOW), step / 2, `attempt ${attempt} low`);
    const high = retryDelay(attempt, opts, HIGH);
    assert.ok(high <= step && high >= step * 0.99, `attempt ${attempt} high=${high}`);
  }
});

test('retryDelay: the midpoint of random is three quarters of the step', () => {
  assert.equal(retryDelay(2, opts, () => 0.5), 3000);
});

test('retryDelay: capped at maxMs', () => {
  for (const attempt of [5, 6, 10, 29, 30, 31]) {
    assert.equal(retryDelay(attempt, opts, LOW), opts.maxMs / 2, `attempt ${attempt} low`);
    const high = retryDelay(attempt, opts, HIGH);
    assert.ok(high <= opts.maxMs && high >= opts.maxMs * 0.99, `attempt ${attempt} high=${high}`);
  }
});

test('retryDelay: huge attempt numbers stay finite and capped', () => {
  for (const attempt of [1000, 1e6, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Infinity]) {
    for (const random of [LOW, HIGH, Math.random]) {
      const d = retryDelay(attempt, opts, random);
      assert.ok(Number.isFinite(d), `attempt ${attempt}: ${d}`);
      assert.ok(d >= opts.maxMs / 2 && d <= opts.maxMs, `attempt ${attempt}: ${d}`);
    }
  }
});

test('retryDelay: a zero base gives 0, not NaN, for any attempt', () => {
  for (const attempt of [0, 5, 1000, Infinity]) assert.equal(retryDelay(attempt, { baseMs: 0, maxMs: 1000 }, HIGH), 0, `attempt ${attempt}`);
});

test('retryDelay: never negative, always an integer number of ms', () => {
  for (let attempt = 0; attempt < 40; attempt++) {
    for (let i = 0; i < 20; i++) {
      const d = retryDelay(attempt, opts);
      assert.ok(d >= 0, `${d}`);
      assert.ok(Number.isInteger(d), `${d}`);
    }
  }
});

test('retryDelay: defaults to RETRY_DEFAULTS', () => {
  assert.equal(retryDelay(0, undefined, LOW), RETRY_DEFAULTS.baseMs / 2);
  assert.equal(retryDelay(100, undefined, LOW), RETRY_DEFAULTS.maxMs / 2);
});

test('retryDelay: honours a custom base', () => {
  assert.equal(retryDelay(0, { baseMs: 10, maxMs: 100 }, LOW), 5);
  assert.equal(retryDelay(3, { baseMs: 10, maxMs: 100 }, LOW), 40);
  assert.equal(retryDelay(4, { baseMs: 10, maxMs: 100 }, LOW), 50);
});

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

test('retryAfterMs parses delta-seconds', () => {
  assert.equal(retryAfterMs('7', NOW), 7000);
  assert.equal(retryAfterMs('0', NOW), 0);
  assert.equal(retryAfterMs('120', NOW), 120000);
  assert.equal(retryAfterMs(' 30 ', NOW), 30000);
});

test('retryAfterMs parses an HTTP-date relative to now', () => {
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', NOW), 30000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 08:28:00 GMT', NOW), 3600000);
});

test('retryAfterMs uses the real clock by default', () => {
  const at = new Date(Date.now() + 60000).toUTCString(); // second precision
  const ms = retryAfterMs(at);
  assert.ok(ms > 55000 && ms <= 60000, `${ms}`);
});

test('retryAfterMs is 0 for a date in the past or now', () => {
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', NOW), 0);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:00 GMT', NOW), 0);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', NOW), 0);
});

test('retryAfterMs is 0 for null and garbage', () => {
  const now = Date.now();
  for (const h of [null, undefined, '', '   ', 'soon', 'abc', '1.5', '-5', '7s', 'NaN']) {
    assert.equal(retryAfterMs(h, now), 0, JSON.stringify(h));
  }
});

test('isRetryable: the network, timeouts, rate limits and server errors', () => {
  for (const s of [0, 408, 429, 500, 502, 503, 504, 599]) assert.equal(isRetryable(s), true, `${s}`);
});

test('isRetryable: client errors and successes are not', () => {
  for (const s of [200, 202, 400, 401, 403, 404, 409, 413, 422]) assert.equal(isRetryable(s), false, `${s}`);
});
