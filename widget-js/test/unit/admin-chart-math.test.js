import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scaleLinear, tickStep, niceTicks, countTicks, timeTicks, timeTickStep, linePath, areaPath, bandLayout, intervalDomain, peakIndex,
} from '../../../host-server/src/main/resources/admin/assets/chart-math.js';

const HOUR = 3600_000;

test('a linear scale maps the domain onto the range, reversed ranges too', () => {
  const x = scaleLinear([0, 10], [0, 200]);
  assert.equal(x(0), 0);
  assert.equal(x(5), 100);
  assert.equal(x(10), 200);
  const y = scaleLinear([0, 40], [180, 0]); // SVG y grows downwards
  assert.equal(y(0), 180);
  assert.equal(y(40), 0);
  assert.equal(y(10), 135);
});

test('a domain of zero width maps to the middle instead of dividing by zero', () => {
  const x = scaleLinear([3, 3], [0, 100]);
  assert.equal(x(3), 50);
  assert.equal(x(99), 50);
});

test('tick steps are 1, 2, 2.5 or 5 times a power of ten', () => {
  assert.equal(tickStep(0, 37, 4), 10);
  assert.equal(tickStep(0, 1, 5), 0.2);
  assert.equal(tickStep(0, 1000, 4), 250);
  assert.equal(tickStep(0, 7, 5), 2);
  assert.equal(tickStep(5, 5, 5), 1);
});

test('nice ticks cover the values with round numbers', () => {
  assert.deepEqual(niceTicks(0, 37, 4), [0, 10, 20, 30, 40]);
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0.1, 0.3, 2), [0.1, 0.2, 0.3]);
  assert.deepEqual(niceTicks(-3, 7, 5), [-4, -2, 0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(37, 0, 4), [0, 10, 20, 30, 40], 'reversed bounds');
});

test('equal bounds still give an axis', () => {
  assert.deepEqual(niceTicks(0, 0), [0, 1]);
  const ticks = niceTicks(100, 100, 4);
  assert.ok(ticks[0] <= 100 && ticks[ticks.length - 1] >= 100 && ticks.length >= 2);
});

test('count axes start at zero, step by whole numbers and end at or above the peak', () => {
  assert.deepEqual(countTicks(0), [0, 1]);
  assert.deepEqual(countTicks(3, 4), [0, 1, 2, 3]);
  assert.deepEqual(countTicks(9, 4), [0, 5, 10]);
  assert.deepEqual(countTicks(10, 4), [0, 5, 10]);
  assert.deepEqual(countTicks(120, 4), [0, 50, 100, 150]);
  assert.deepEqual(countTicks(1000, 4), [0, 250, 500, 750, 1000]);
});

test('time ticks fall on round clock times inside the span', () => {
  const start = Date.parse('2026-11-27T13:07:00Z');
  const end = start + 60 * 60_000;
  const ticks = timeTicks(start, end, 6);
  assert.equal(timeTickStep(ticks), 10 * 60_000);
  assert.equal(new Date(ticks[0]).toISOString(), '2026-11-27T13:10:00.000Z');
  assert.ok(ticks.every((t) => t >= start && t <= end));
});

test('a week gets one tick a day, at local midnight', () => {
  const start = Date.parse('2026-11-20T13:00:00Z');
  const end = start + 7 * 24 * HOUR;
  const utc = timeTicks(start, end, 7);
  assert.equal(timeTickStep(utc), 24 * HOUR);
  assert.equal(new Date(utc[0]).toISOString(), '2026-11-21T00:00:00.000Z');
  // Berlin in November is UTC+1: getTimezoneOffset() is -60, local midnight is 23:00 UTC.
  const berlin = timeTicks(start, end, 7, -60);
  assert.equal(new Date(berlin[0]).toISOString(), '2026-11-20T23:00:00.000Z');
});

test('narrow charts get fewer, longer steps', () => {
  const start = Date.parse('2026-11-20T00:00:00Z');
  const ticks = timeTicks(start, start + 7 * 24 * HOUR, 2);
  assert.ok(ticks.length <= 3, `${ticks.length} ticks`);
});

test('paths are rounded to a tenth of a pixel', () => {
  assert.equal(linePath([[0, 10], [5.55, 20.04], [10, 0]]), 'M0 10 L5.6 20 L10 0');
  assert.equal(linePath([]), '');
  assert.equal(areaPath([[0, 10], [10, 5]], 50), 'M0 10 L10 5 L10 50 L0 50 Z');
  assert.equal(areaPath([], 50), '');
});

test('bars share the width with gaps between them', () => {
  const band = bandLayout(10, 200);
  assert.equal(band.slot, 20);
  assert.equal(band.bar, 16);
  assert.equal(band.x(0), 2);
  assert.equal(band.x(9), 182);
  const dense = bandLayout(200, 100); // half a pixel per bar: no gap
  assert.equal(dense.bar, 0.5);
  assert.equal(bandLayout(0, 100).bar, 0);
});

test('rates are drawn on 0–100 %; other scores on their padded span', () => {
  assert.deepEqual(intervalDomain([{ score: 0.6, lower: 0.4, upper: 0.8 }]), [0, 1]);
  const [min, max] = intervalDomain([{ score: 1500, lower: 1400, upper: 1600 }, { score: 1200, lower: null, upper: null }]);
  assert.ok(min < 1200 && min > 1150, `min ${min}`);
  assert.ok(max > 1600 && max < 1650, `max ${max}`);
  assert.deepEqual(intervalDomain([]), [0, 1]);
  const [a, b] = intervalDomain([{ score: 2, lower: 2, upper: 2 }]);
  assert.ok(a < 2 && b > 2);
});

test('the peak is the first largest value', () => {
  assert.equal(peakIndex([1, 5, 3, 5]), 1);
  assert.equal(peakIndex([]), -1);
});
