import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tierToAnnounce } from '../../src/milestone-memory.js';
import { memoryStorage } from './fakes.js';

let n = 0;
/** A storage key of its own per test: the in-memory fallback is shared by the module. */
const fresh = () => `swipeloop:tier:https://h|pk_test|r${n++}`;

test('a rater with no tier yet has nothing to announce', () => {
  assert.equal(tierToAnnounce(memoryStorage(), fresh(), { tier: null, points: 0 }), null);
});

test('a new tier is announced once, not again for the same tier', () => {
  const storage = memoryStorage();
  const name = fresh();
  assert.equal(tierToAnnounce(storage, name, { tier: null, points: 2 }), null);
  assert.equal(tierToAnnounce(storage, name, { tier: 'Rookie', points: 3 }), 'Rookie');
  assert.equal(tierToAnnounce(storage, name, { tier: 'Rookie', points: 4 }), null);
  assert.equal(tierToAnnounce(storage, name, { tier: 'Early access', points: 100 }), 'Early access');
});

test('a reload (the same storage, a new page) does not repeat it', () => {
  const storage = memoryStorage();
  const name = fresh();
  tierToAnnounce(storage, name, { tier: 'Rookie', points: 3 });
  assert.equal(JSON.parse(storage.getItem(name)).tier, 'Rookie', 'kept in storage under the app and rater');
  assert.equal(tierToAnnounce(storage, name, { tier: 'Rookie', points: 3 }), null);
});

test('each rater and app has its own memory', () => {
  const storage = memoryStorage();
  const one = fresh();
  const other = fresh();
  assert.equal(tierToAnnounce(storage, one, { tier: 'Rookie', points: 3 }), 'Rookie');
  assert.equal(tierToAnnounce(storage, other, { tier: 'Rookie', points: 3 }), 'Rookie');
});

test('a tier lost to clawed-back points is remembered but not celebrated; reaching it again is', () => {
  const storage = memoryStorage();
  const name = fresh();
  tierToAnnounce(storage, name, { tier: 'Early access', points: 100 });
  assert.equal(tierToAnnounce(storage, name, { tier: 'Rookie', points: 90 }), null, 'fell back');
  assert.equal(tierToAnnounce(storage, name, { tier: 'Early access', points: 101 }), 'Early access');
});

test('blocked or broken storage: remembered in memory for this page', () => {
  const blocked = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('SecurityError'); } };
  const name = fresh();
  assert.equal(tierToAnnounce(blocked, name, { tier: 'Rookie', points: 3 }), 'Rookie');
  assert.equal(tierToAnnounce(blocked, name, { tier: 'Rookie', points: 3 }), null);
  const none = fresh();
  assert.equal(tierToAnnounce(null, none, { tier: 'Rookie', points: 3 }), 'Rookie');
  assert.equal(tierToAnnounce(null, none, { tier: 'Rookie', points: 3 }), null);
  const garbage = memoryStorage();
  const odd = fresh();
  garbage.setItem(odd, '{not json');
  assert.equal(tierToAnnounce(garbage, odd, { tier: 'Rookie', points: 3 }), 'Rookie', 'an unreadable record counts as none');
});
