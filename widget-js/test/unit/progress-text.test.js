import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProgress } from '../../src/progress-text.js';
import { readProgress } from '../../src/progress-source.js';

const progress = (fields) => readProgress({ rater: 'r1', points: 0, ...fields });

test('on the way to a milestone: points, how many to go, and a bar from zero', () => {
  const shown = describeProgress(progress({ points: 12, tier: 'Supporter', nextMilestone: 'Early access', pointsToNext: 38 }));
  assert.equal(shown.text, '12 points · 38 to Early access');
  assert.equal(shown.valueText, '12 points, 38 to Early access', 'no middle dot for a screen reader to spell');
  assert.deepEqual(shown.bar, { now: 12, max: 50, fraction: 12 / 50 });
  assert.equal(shown.detail, '');
});

test('at the top tier: the tier\'s name and a full bar', () => {
  const shown = describeProgress(progress({ points: 420, tier: 'Champion', nextMilestone: null, pointsToNext: null }));
  assert.equal(shown.text, '420 points · Champion');
  assert.deepEqual(shown.bar, { now: 420, max: 420, fraction: 1 });
});

test('one point is singular; no points yet is an empty bar', () => {
  assert.equal(describeProgress(progress({ points: 1, nextMilestone: 'Rookie', pointsToNext: 2 })).text, '1 point · 2 to Rookie');
  const none = describeProgress(progress({ points: 0, nextMilestone: 'Rookie', pointsToNext: 3 }));
  assert.equal(none.text, '0 points · 3 to Rookie');
  assert.deepEqual(none.bar, { now: 0, max: 3, fraction: 0 });
});

test('an app with points but no tiers: the points alone, and no bar to fill', () => {
  const shown = describeProgress(progress({ points: 7 }));
  assert.equal(shown.text, '7 points');
  assert.equal(shown.bar, null);
});

test('pending points show when there are some; the streak from two days on', () => {
  const base = { points: 12, nextMilestone: 'Early access', pointsToNext: 38 };
  assert.equal(describeProgress(progress({ ...base, pendingPoints: 3, streakDays: 2 })).detail, '+3 pending · 2-day streak');
  assert.equal(describeProgress(progress({ ...base, pendingPoints: 3, streakDays: 1 })).detail, '+3 pending');
  assert.equal(describeProgress(progress({ ...base, pendingPoints: 0, streakDays: 5 })).detail, '5-day streak');
  assert.equal(describeProgress(progress({ ...base, pendingPoints: 0, streakDays: 0 })).detail, '');
});

test('readProgress: the documented answer passes through', () => {
  const body = {
    rater: 'r1', points: 12, pendingPoints: 3, tier: 'Supporter', nextMilestone: 'Early access', pointsToNext: 38,
    streakDays: 2, badges: ['Supporter'], policies: [{ policy: 'points', points: 12 }],
  };
  assert.deepEqual(readProgress(body), body);
});

test('readProgress: no usable points means no meter', () => {
  for (const body of [null, 'oops', {}, { points: '12' }, { points: -1 }, { points: Number.NaN }, { points: null }]) {
    assert.equal(readProgress(body), null, JSON.stringify(body));
  }
});

test('readProgress: optional fields left out or of the wrong type take their empty values', () => {
  assert.deepEqual(readProgress({ points: 5, tier: '', nextMilestone: 42, pointsToNext: 'x', streakDays: -2, badges: ['a', 7], policies: 'no' }), {
    rater: '', points: 5, pendingPoints: 0, tier: null, nextMilestone: null, pointsToNext: null, streakDays: 0, badges: ['a'], policies: [],
  });
  // pointsToNext without a milestone to name cannot be shown
  assert.equal(readProgress({ points: 5, pointsToNext: 10 }).pointsToNext, null);
});
