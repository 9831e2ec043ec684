import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VoteQueue } from '../../src/vote-queue.js';
import { memoryStorage } from './fakes.js';

function clock(start = 10_000) {
  const c = { t: start, now: () => c.t };
  return c;
}
const vote = (id) => ({ id, kind: 'binary', item: `item-${id}`, verdict: 'like' });
const ids = (votes) => votes.map((v) => v.id);
const entryIds = (q) => q.entries().map((e) => e.vote.id);

test('add keeps votes oldest first, with the time they were added', () => {
  const c = clock(1000);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  q.add(vote('a'));
  c.t = 1200;
  q.add(vote('b'));
  q.add(vote('c'));
  assert.deepEqual(entryIds(q), ['a', 'b', 'c']);
  assert.deepEqual(q.entries().map((e) => e.at), [1000, 1200, 1200]);
  assert.deepEqual(q.entries()[0].vote, vote('a'));
  assert.equal(q.size, 3);
  assert.equal(q.durable, true);
});

test('survives a reload: a new queue on the same storage sees the votes', () => {
  const storage = memoryStorage();
  const c = clock();
  const first = new VoteQueue(storage, 'swipeloop:queue', c.now);
  first.add(vote('a'));
  first.add(vote('b'));
  const reloaded = new VoteQueue(storage, 'swipeloop:queue', c.now);
  assert.deepEqual(entryIds(reloaded), ['a', 'b']);
  assert.deepEqual(reloaded.entries()[1].vote, vote('b'));
  // another name is another queue
  assert.equal(new VoteQueue(storage, 'other', c.now).size, 0);
});

test('remove (undo) returns true, then false once the vote is gone', () => {
  const q = new VoteQueue(memoryStorage(), 'q', clock().now);
  q.add(vote('a'));
  q.add(vote('b'));
  assert.equal(q.remove('b'), true);
  assert.deepEqual(entryIds(q), ['a']);
  assert.equal(q.remove('b'), false);
  assert.equal(q.remove('never-queued'), false);
  assert.deepEqual(entryIds(q), ['a']);
});

test('ack removes only the given ids', () => {
  const q = new VoteQueue(memoryStorage(), 'q', clock().now);
  for (const id of ['a', 'b', 'c', 'd']) q.add(vote(id));
  q.ack(['b', 'd', 'unknown']);
  assert.deepEqual(entryIds(q), ['a', 'c']);
  q.ack([]);
  assert.deepEqual(entryIds(q), ['a', 'c']);
});

test('ready respects the hold window', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  q.add(vote('a'));
  c.t = 1000;
  q.add(vote('b'));
  assert.deepEqual(q.ready(1500, 25), []);
  c.t = 1499;
  assert.deepEqual(q.ready(1500, 25), []);
  c.t = 1500;
  assert.deepEqual(ids(q.ready(1500, 25)), ['a']);
  c.t = 2500;
  assert.deepEqual(ids(q.ready(1500, 25)), ['a', 'b']);
  // ready does not remove anything
  assert.equal(q.size, 2);
});

test('ready returns at most max, oldest first', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  for (const id of ['a', 'b', 'c', 'd', 'e']) q.add(vote(id));
  c.t = 10_000;
  assert.deepEqual(ids(q.ready(1500, 3)), ['a', 'b', 'c']);
});

test('ready returns a full batch immediately when the queue holds max votes', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  q.add(vote('a'));
  q.add(vote('b'));
  assert.deepEqual(q.ready(1500, 3), [], 'not full yet: held');
  q.add(vote('c'));
  assert.deepEqual(ids(q.ready(1500, 3)), ['a', 'b', 'c']);
  q.add(vote('d'));
  assert.deepEqual(ids(q.ready(1500, 3)), ['a', 'b', 'c'], 'still at most max');
});

test('ready honours the exclude set (votes already in flight)', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  for (const id of ['a', 'b', 'c']) q.add(vote(id));
  c.t = 5000;
  assert.deepEqual(ids(q.ready(1500, 25, new Set(['a', 'c']))), ['b']);
  assert.deepEqual(ids(q.ready(1500, 2, new Set(['a']))), ['b', 'c']);
  // excluded votes do not count towards a full batch
  c.t = 0;
  assert.deepEqual(q.ready(1500, 3, new Set(['a'])), []);
});

test('nextDue: -1 when empty, time left of the oldest hold, 0 when due or full', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  assert.equal(q.nextDue(1500, 25), -1);
  q.add(vote('a'));
  assert.equal(q.nextDue(1500, 25), 1500);
  c.t = 400;
  q.add(vote('b'));
  assert.equal(q.nextDue(1500, 25), 1100, 'the oldest vote decides');
  c.t = 1500;
  assert.equal(q.nextDue(1500, 25), 0);
  c.t = 9000;
  assert.equal(q.nextDue(1500, 25), 0, 'never negative');
  c.t = 400;
  assert.equal(q.nextDue(1500, 2), 0, 'a full batch is due now');
});

test('nextDue honours the exclude set', () => {
  const c = clock(0);
  const q = new VoteQueue(memoryStorage(), 'q', c.now);
  q.add(vote('a'));
  c.t = 1000;
  q.add(vote('b'));
  assert.equal(q.nextDue(1500, 25, new Set(['a'])), 1500, 'b is the oldest still to send');
  assert.equal(q.nextDue(1500, 25, new Set(['a', 'b'])), -1);
  assert.equal(q.nextDue(1500, 2, new Set(['a'])), 1500, 'not full without a');
});

test('two tabs on one storage interleave without losing votes', () => {
  const storage = memoryStorage();
  const c = clock();
  const tab1 = new VoteQueue(storage, 'q', c.now);
  const tab2 = new VoteQueue(storage, 'q', c.now);
  tab1.add(vote('a1'));
  tab2.add(vote('b1'));
  tab1.add(vote('a2'));
  tab2.add(vote('b2'));
  assert.deepEqual(entryIds(tab1), ['a1', 'b1', 'a2', 'b2']);
  assert.deepEqual(entryIds(tab2), ['a1', 'b1', 'a2', 'b2']);
  tab2.ack(['a1']);
  assert.deepEqual(entryIds(tab1), ['b1', 'a2', 'b2']);
  assert.equal(tab1.remove('b2'), true);
  assert.equal(tab2.remove('b2'), false, 'already undone in the other tab');
  tab2.add(vote('b3'));
  assert.deepEqual(entryIds(tab1), ['b1', 'a2', 'b3']);
  assert.deepEqual(entryIds(new VoteQueue(storage, 'q', c.now)), ['b1', 'a2', 'b3']);
});

test('a storage that refuses writes (quota): the queue keeps working in memory and is no longer durable', () => {
  const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
  const c = clock(0);
  const q = new VoteQueue(full, 'q', c.now);
  assert.doesNotThrow(() => q.add(vote('a')));
  assert.equal(q.durable, false);
  q.add(vote('b'));
  q.add(vote('c'));
  assert.deepEqual(entryIds(q), ['a', 'b', 'c']);
  assert.equal(q.remove('b'), true);
  c.t = 5000;
  assert.deepEqual(ids(q.ready(1500, 25)), ['a', 'c']);
  q.ack(['a']);
  assert.deepEqual(entryIds(q), ['c']);
});

test('storage filling up mid-way keeps the votes already queued', () => {
  const storage = memoryStorage();
  let quota = true;
  const flaky = { getItem: storage.getItem, setItem: (k, v) => { if (!quota) throw new Error('QuotaExceededError'); storage.setItem(k, v); } };
  const q = new VoteQueue(flaky, 'q', clock().now);
  q.add(vote('a'));
  quota = false;
  q.add(vote('b'));
  assert.equal(q.durable, false);
  assert.deepEqual(entryIds(q), ['a', 'b']);
  q.add(vote('c'));
  assert.deepEqual(entryIds(q), ['a', 'b', 'c']);
});

test('null storage works in memory', () => {
  const c = clock(0);
  const q = new VoteQueue(null, 'q', c.now);
  assert.equal(q.durable, false);
  assert.equal(q.size, 0);
  q.add(vote('a'));
  q.add(vote('b'));
  assert.deepEqual(entryIds(q), ['a', 'b']);
  assert.equal(q.remove('a'), true);
  assert.equal(q.remove('a'), false);
  c.t = 2000;
  assert.deepEqual(ids(q.ready(1500, 25)), ['b']);
  assert.equal(q.nextDue(1500, 25), 0);
});

test('corrupt JSON in storage does not throw, and the queue goes on', () => {
  for (const junk of ['{not json', '[{"vote":', 'undefined', '{"a":1}', '"text"', '42', 'null']) {
    const storage = memoryStorage();
    storage.setItem('q', junk);
    const q = new VoteQueue(storage, 'q', clock(0).now);
    assert.doesNotThrow(() => q.entries(), junk);
    assert.equal(q.size, 0, junk);
    assert.deepEqual(q.ready(0, 25), [], junk);
    assert.equal(q.nextDue(1500, 25), -1, junk);
    assert.equal(q.remove('x'), false, junk);
    q.add(vote('a'));
    assert.deepEqual(entryIds(q), ['a'], junk);
  }
});

test('a storage whose reads throw (blocked) does not throw', () => {
  const blocked = { getItem: () => { throw new DOMException('denied', 'SecurityError'); }, setItem: () => {} };
  const q = new VoteQueue(blocked, 'q', clock(0).now);
  assert.doesNotThrow(() => q.add(vote('a')));
  assert.deepEqual(entryIds(q), ['a']);
});
