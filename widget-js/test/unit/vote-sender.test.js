import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VoteSender, badVoteIndexes } from '../../src/vote-sender.js';
import { VoteQueue } from '../../src/vote-queue.js';
import { memoryStorage, response } from './fakes.js';

/** Lets every pending promise continuation run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A sender on a real VoteQueue with a fake clock, fetch, timers and beacon.
 * `replies` are responses (or Errors to reject with, or functions returning a promise) used in order.
 */
function rig({ replies = [], holdMs = 1500, batchSize = 25, retry = { baseMs: 1000, maxMs: 30000 }, raterToken = null, key = 'pk_test', beacon } = {}) {
  const clock = { t: 100_000 };
  const queue = new VoteQueue(memoryStorage(), 'q', () => clock.t);
  const requests = [];
  const timers = [];
  const flushes = [];
  const errors = [];
  const beacons = [];
  const fetch = async (url, init) => {
    requests.push({ url, init, body: JSON.parse(init.body) });
    const next = replies.shift();
    if (next === undefined) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next();
    return next;
  };
  const sender = new VoteSender({
    queue,
    target: () => ({ url: 'https://api.example/v1/votes', key, raterToken, rater: 'r1' }),
    fetch,
    beacon: beacon || ((url, blob) => { beacons.push({ url, blob }); return true; }),
    holdMs,
    batchSize,
    retry,
    onFlush: (d) => flushes.push(d),
    onError: (d) => errors.push(d),
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false, ran: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => { timer.cleared = true; },
  });
  /** Timers armed and neither run nor cleared. */
  const live = () => timers.filter((x) => !x.cleared && !x.ran);
  /** Runs the only live timer, then lets the request finish. */
  const runTimer = async () => {
    const pending = live();
    assert.equal(pending.length, 1, `expected one live timer, found ${pending.length}`);
    pending[0].ran = true;
    pending[0].fn();
    await settle();
  };
  let n = 0;
  const addVote = () => {
    const v = { id: `v${n++}`, kind: 'binary', item: `item-${n}`, verdict: 'like', rater: 'r1' };
    queue.add(v);
    return v;
  };
  return { clock, queue, sender, requests, timers, live, runTimer, flushes, errors, beacons, addVote, replies };
}
const queuedIds = (queue) => queue.entries().map((e) => e.vote.id);

test('a batch is sent once the hold has passed, not before', async () => {
  const r = rig({ replies: [response(202, { accepted: 2, duplicates: 0 })] });
  const a = r.addVote();
  r.sender.schedule();
  assert.equal(r.live().length, 1);
  assert.equal(r.live()[0].ms, 1500, 'armed for the vote\'s hold');
  r.clock.t += 300;
  const b = r.addVote();
  r.sender.schedule();
  assert.equal(r.live().length, 1, 'still one timer');

  // the timer fires early (clock skew): nothing may go inside the hold
  r.clock.t += 1000; // a is 1300 ms old
  await r.runTimer();
  assert.equal(r.requests.length, 0, 'nothing sent inside the hold');
  assert.equal(r.live().length, 1, 're-armed');
  assert.equal(r.live()[0].ms, 200);

  r.clock.t += 500; // a is 1800 ms old, b 1500 ms
  await r.runTimer();
  assert.equal(r.requests.length, 1);
  const { url, init, body } = r.requests[0];
  assert.equal(url, 'https://api.example/v1/votes');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer pk_test');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal('X-Rater-Token' in init.headers, false);
  assert.deepEqual(body.votes, [a, b]);
});

test('the rater token travels in X-Rater-Token when set', async () => {
  const r = rig({ raterToken: 'v1.123.sig', replies: [response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote();
  await r.sender.flush();
  assert.equal(r.requests[0].init.headers['X-Rater-Token'], 'v1.123.sig');
});

test('schedule does nothing for an empty queue', () => {
  const r = rig();
  r.sender.schedule();
  assert.equal(r.timers.length, 0);
});

test('schedule arms one timer however often it is called', () => {
  const r = rig();
  r.addVote();
  r.sender.schedule();
  r.addVote();
  r.sender.schedule();
  r.sender.schedule();
  assert.equal(r.live().length, 1);
});

test('a full batch goes without waiting for the hold', async () => {
  const r = rig({ batchSize: 3, replies: [response(202, { accepted: 3, duplicates: 0 })] });
  r.addVote(); r.addVote(); r.addVote(); r.addVote();
  r.sender.schedule();
  assert.equal(r.live()[0].ms, 0);
  await r.runTimer();
  assert.deepEqual(r.requests[0].body.votes.map((v) => v.id), ['v0', 'v1', 'v2']);
  assert.deepEqual(queuedIds(r.queue), ['v3']);
});

test('202 acknowledges the batch and reports accepted / duplicates / pending', async () => {
  const r = rig({ batchSize: 2, replies: [response(202, { accepted: 1, duplicates: 1 })] });
  r.addVote(); r.addVote(); r.addVote();
  await r.sender.flush();
  assert.deepEqual(queuedIds(r.queue), ['v2']);
  assert.deepEqual(r.flushes, [{ sent: 2, accepted: 1, duplicates: 1, pending: 1 }]);
  assert.equal(r.errors.length, 0);
  assert.equal(r.sender.inFlight.size, 0);
});

test('after a success the rest of the queue is scheduled', async () => {
  const r = rig({ batchSize: 2, replies: [response(202, { accepted: 2, duplicates: 0 }), response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote(); r.addVote(); r.addVote();
  await r.sender.flush();
  assert.equal(r.live().length, 1);
  r.clock.t += 1500;
  await r.runTimer();
  assert.deepEqual(r.requests[1].body.votes.map((v) => v.id), ['v2']);
  assert.equal(r.queue.size, 0);
  assert.equal(r.flushes.at(-1).pending, 0);
});

test('flush sends votes still inside the hold', async () => {
  const r = rig({ replies: [response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote();
  r.sender.schedule();
  const armed = r.live()[0];
  await r.sender.flush();
  assert.equal(r.requests.length, 1);
  assert.equal(armed.cleared, true, 'the pending timer was disarmed');
  assert.equal(r.queue.size, 0);
});

test('network error: votes stay queued and a retry is armed within the backoff bounds', async () => {
  const r = rig({ replies: [new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote();
  await r.sender.flush();
  assert.deepEqual(queuedIds(r.queue), ['v0']);
  assert.equal(r.sender.inFlight.size, 0);
  assert.equal(r.live().length, 1);
  const first = r.live()[0].ms;
  assert.ok(first >= 500 && first <= 1000, `first retry in ${first} ms`);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].status, 0);
  assert.equal(r.errors[0].retrying, true);
  assert.equal(r.errors[0].retryInMs, first);
  assert.equal(r.errors[0].pending, 1);

  await r.runTimer();
  assert.equal(r.requests.length, 2, 'retried');
  const second = r.live()[0].ms;
  assert.ok(second >= 1000 && second <= 2000, `second retry in ${second} ms`);

  await r.runTimer();
  assert.equal(r.requests.length, 3);
  assert.equal(r.queue.size, 0);
  assert.equal(r.live().length, 0);
});

test('the backoff starts again after a success', async () => {
  const fail = () => new TypeError('offline');
  const r = rig({ replies: [fail(), fail(), response(202, { accepted: 1, duplicates: 0 }), fail()] });
  r.addVote();
  await r.sender.flush();
  await r.runTimer();
  await r.runTimer();
  assert.equal(r.queue.size, 0);
  r.addVote();
  await r.sender.flush();
  const ms = r.live()[0].ms;
  assert.ok(ms >= 500 && ms <= 1000, `retry in ${ms} ms after a success`);
});

for (const status of [500, 503, 408]) {
  test(`${status} is retried and the votes are kept`, async () => {
    const r = rig({ replies: [response(status, { title: 'Unavailable' }), response(202, { accepted: 1, duplicates: 0 })] });
    const v = r.addVote();
    await r.sender.flush();
    assert.deepEqual(queuedIds(r.queue), [v.id]);
    assert.equal(r.errors[0].status, status);
    assert.equal(r.errors[0].retrying, true);
    assert.deepEqual(r.errors[0].problem, { title: 'Unavailable' });
    await r.runTimer();
    assert.deepEqual(r.requests[1].body.votes, [v]);
    assert.equal(r.queue.size, 0);
  });
}

test('429 is retried', async () => {
  const r = rig({ replies: [response(429, undefined), response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote();
  await r.sender.flush();
  assert.equal(r.queue.size, 1);
  assert.equal(r.errors[0].retrying, true);
  await r.runTimer();
  assert.equal(r.queue.size, 0);
});

test('429 with Retry-After: 7 waits at least 7000 ms', async () => {
  const r = rig({ replies: [response(429, { title: 'Too Many Requests' }, { 'Retry-After': '7' })] });
  r.addVote();
  await r.sender.flush();
  const ms = r.live()[0].ms;
  assert.ok(ms >= 7000, `waits ${ms} ms`);
  assert.ok(r.errors[0].retryInMs >= 7000);
  assert.equal(r.queue.size, 1);
});

test('a retry after a forced flush is also forced', async () => {
  const r = rig({ replies: [response(503, undefined), response(202, { accepted: 1, duplicates: 0 })] });
  r.addVote();
  await r.sender.flush(); // inside the hold
  await r.runTimer(); // still inside the hold on the fake clock
  assert.equal(r.requests.length, 2);
  assert.equal(r.queue.size, 0);
});

test('400 naming votes[1].verdict drops only that vote and sends the others again', async () => {
  const problem = { title: 'Bad Request', status: 400, errors: [{ field: 'votes[1].verdict', message: 'must be like, dislike or skip' }] };
  const r = rig({ replies: [response(400, problem), response(202, { accepted: 2, duplicates: 0 })] });
  const a = r.addVote(); const b = r.addVote(); const c = r.addVote();
  r.clock.t += 2000;
  r.sender.schedule();
  await r.runTimer();
  assert.deepEqual(r.requests[0].body.votes, [a, b, c]);
  assert.deepEqual(queuedIds(r.queue), [a.id, c.id]);
  assert.equal(r.errors.length, 1);
  assert.deepEqual(r.errors[0].dropped, [b.id]);
  assert.equal(r.errors[0].retrying, false);
  assert.equal(r.errors[0].status, 400);
  assert.deepEqual(r.errors[0].problem, problem);
  assert.equal(r.errors[0].pending, 2);

  await r.runTimer();
  assert.equal(r.requests.length, 2);
  assert.deepEqual(r.requests[1].body.votes, [a, c]);
  assert.equal(r.queue.size, 0);
});

test('400 without named fields drops the whole batch and reports it', async () => {
  const r = rig({ batchSize: 2, replies: [response(400, { title: 'Bad Request', detail: 'malformed body' })] });
  const a = r.addVote(); const b = r.addVote(); const c = r.addVote();
  await r.sender.flush();
  assert.deepEqual(queuedIds(r.queue), [c.id], 'only the batch sent is dropped');
  assert.equal(r.errors.length, 1);
  assert.deepEqual(r.errors[0].dropped, [a.id, b.id]);
  assert.equal(r.errors[0].retrying, false);
  assert.equal(r.errors[0].pending, 1);
});

test('400 without a body drops the batch', async () => {
  const r = rig({ replies: [response(400, undefined)] });
  const a = r.addVote();
  await r.sender.flush();
  assert.equal(r.queue.size, 0);
  assert.deepEqual(r.errors[0].dropped, [a.id]);
  assert.equal(r.errors[0].problem, null);
});

test('400 naming only votes outside the batch drops the batch instead of resending it at once', async () => {
  // e.g. the server counts from 1, or names a vote of another request: none of this batch is named
  const problem = { title: 'Bad Request', errors: [{ field: 'votes[5].verdict', message: 'x' }] };
  const r = rig({ replies: [response(400, problem), response(400, problem), response(400, problem)] });
  const a = r.addVote(); const b = r.addVote();
  r.clock.t += 5000;
  await r.sender.flush();
  assert.deepEqual(r.errors[0].dropped, [a.id, b.id], 'nothing of this batch was named: the whole batch is refused');
  assert.equal(r.queue.size, 0);
  assert.equal(r.live().length, 0, 'nothing left to send');
});

for (const status of [401, 403]) {
  test(`${status} pauses: no timer, votes kept, until flush()`, async () => {
    const r = rig({ replies: [response(status, { title: 'Unauthorized', detail: 'unknown key' }), response(202, { accepted: 2, duplicates: 0 })] });
    r.addVote(); r.addVote();
    await r.sender.flush();
    assert.equal(r.sender.paused, true);
    assert.equal(r.live().length, 0);
    assert.equal(r.queue.size, 2);
    assert.equal(r.errors[0].status, status);
    assert.equal(r.errors[0].retrying, false);
    assert.equal(r.errors[0].dropped, undefined);

    r.addVote();
    r.clock.t += 5000;
    r.sender.schedule();
    assert.equal(r.live().length, 0, 'schedule does nothing while paused');
    assert.equal(r.requests.length, 1);

    await r.sender.flush();
    assert.equal(r.sender.paused, false);
    assert.equal(r.requests.length, 2);
    assert.deepEqual(r.requests[1].body.votes.map((v) => v.id), ['v0', 'v1', 'v2']);
    assert.equal(r.queue.size, 0);
  });
}

test('inFlight holds the ids during the request and is cleared after', async () => {
  let answer;
  const r = rig({ replies: [() => new Promise((resolve) => { answer = resolve; })] });
  const a = r.addVote(); const b = r.addVote();
  const done = r.sender.flush();
  await settle();
  assert.deepEqual([...r.sender.inFlight].sort(), [a.id, b.id]);
  // while in flight, schedule and flush do not start a second request
  r.addVote();
  r.sender.schedule();
  await r.sender.flush();
  assert.equal(r.requests.length, 1);
  answer(response(202, { accepted: 2, duplicates: 0 }));
  await done;
  assert.equal(r.sender.inFlight.size, 0);
  assert.deepEqual(queuedIds(r.queue), ['v2']);
});

test('inFlight is cleared after a failure too', async () => {
  const r = rig({ replies: [new TypeError('offline')] });
  r.addVote();
  await r.sender.flush();
  assert.equal(r.sender.inFlight.size, 0);
});

test('sendOnExit beacons the queue with the key in the URL and a text/plain JSON body', async () => {
  const r = rig({ key: 'pk_a+b/c&d' });
  const a = r.addVote(); const b = r.addVote();
  r.sender.sendOnExit();
  assert.equal(r.beacons.length, 1);
  const { url, blob } = r.beacons[0];
  const parsed = new URL(url);
  assert.equal(parsed.origin + parsed.pathname, 'https://api.example/v1/votes');
  assert.equal(parsed.searchParams.get('key'), 'pk_a+b/c&d');
  assert.ok(blob instanceof Blob);
  assert.equal(blob.type, 'text/plain');
  const body = JSON.parse(await blob.text());
  assert.deepEqual(body.votes, [a, b]);
  assert.equal('raterToken' in body, false);
  assert.equal(r.requests.length, 0, 'no fetch on exit');
  assert.deepEqual(queuedIds(r.queue), [a.id, b.id], 'votes stay queued');
});

test('sendOnExit includes the rater token when set', async () => {
  const r = rig({ raterToken: 'v1.99.sig' });
  r.addVote();
  r.sender.sendOnExit();
  const body = JSON.parse(await r.beacons[0].blob.text());
  assert.equal(body.raterToken, 'v1.99.sig');
});

test('sendOnExit chunks by batchSize', async () => {
  const r = rig({ batchSize: 2 });
  for (let i = 0; i < 5; i++) r.addVote();
  r.sender.sendOnExit();
  const chunks = await Promise.all(r.beacons.map(async ({ blob }) => JSON.parse(await blob.text()).votes.map((v) => v.id)));
  assert.deepEqual(chunks, [['v0', 'v1'], ['v2', 'v3'], ['v4']]);
  assert.equal(r.queue.size, 5);
});

test('sendOnExit stops when the browser refuses a beacon', () => {
  const calls = [];
  const r = rig({ batchSize: 1, beacon: (url, blob) => { calls.push(blob); return calls.length < 2; } });
  for (let i = 0; i < 4; i++) r.addVote();
  r.sender.sendOnExit();
  assert.equal(calls.length, 2);
  assert.equal(r.queue.size, 4);
});

test('sendOnExit with an empty queue sends nothing', () => {
  const r = rig();
  r.sender.sendOnExit();
  assert.equal(r.beacons.length, 0);
});

test('options passed as undefined take the defaults: holdMs 1500, batchSize 25', async () => {
  // e.g. SwipeDeck.mount(el, { key, holdMs: settings.holdMs }) with no holdMs in the settings
  const queue = new VoteQueue(memoryStorage(), 'q', () => 0);
  const timers = [];
  const requests = [];
  const sender = new VoteSender({
    queue,
    target: () => ({ url: 'https://api.example/v1/votes', key: 'pk_test' }),
    fetch: async (url, init) => { requests.push(JSON.parse(init.body)); return response(202, { accepted: 25, duplicates: 0 }); },
    holdMs: undefined,
    batchSize: undefined,
    retry: undefined,
    setTimer: (fn, ms) => { timers.push(ms); return timers.length; },
    clearTimer: () => {},
  });
  queue.add({ id: 'v0' });
  sender.schedule();
  assert.deepEqual(timers, [1500], 'the queued vote is scheduled after the default hold');
  for (let i = 1; i < 30; i++) queue.add({ id: `v${i}` });
  await sender.flush();
  assert.equal(requests[0].votes.length, 25, 'default batch size');
});

test('sendOnExit with batchSize passed as undefined still hands over every vote', async () => {
  const queue = new VoteQueue(memoryStorage(), 'q', () => 0);
  const beacons = [];
  const sender = new VoteSender({
    queue,
    target: () => ({ url: 'https://api.example/v1/votes', key: 'pk_test' }),
    beacon: (url, blob) => { beacons.push(blob); return true; },
    batchSize: undefined,
  });
  for (let i = 0; i < 3; i++) queue.add({ id: `v${i}` });
  sender.sendOnExit();
  const sent = (await Promise.all(beacons.map(async (b) => JSON.parse(await b.text()).votes))).flat();
  assert.deepEqual(sent.map((v) => v.id), ['v0', 'v1', 'v2']);
});

test('onFlush and onError passed as undefined are simply not called', async () => {
  const queue = new VoteQueue(memoryStorage(), 'q', () => 0);
  const replies = [response(202, { accepted: 1, duplicates: 0 }), response(503, undefined)];
  const sender = new VoteSender({
    queue,
    target: () => ({ url: 'https://api.example/v1/votes', key: 'pk_test' }),
    fetch: async () => replies.shift(),
    onFlush: undefined,
    onError: undefined,
    setTimer: () => 1,
    clearTimer: () => {},
  });
  queue.add({ id: 'v0' });
  await assert.doesNotReject(sender.flush());
  queue.add({ id: 'v1' });
  await assert.doesNotReject(sender.flush());
  assert.deepEqual(queue.entries().map((e) => e.vote.id), ['v1']);
});

test('badVoteIndexes reads the vote indexes a problem names', () => {
  const problem = {
    errors: [
      { field: 'votes[3].verdict', message: 'x' },
      { field: 'votes[3].item', message: 'x' },
      { field: 'votes[0]', message: 'x' },
      { field: 'votes[12].choice', message: 'x' },
      { field: 'rater', message: 'x' },
      { field: 'votes', message: 'x' },
      { message: 'no field' },
    ],
  };
  assert.deepEqual(badVoteIndexes(problem).sort((x, y) => x - y), [0, 3, 12]);
});

test('badVoteIndexes is empty when nothing is named', () => {
  assert.deepEqual(badVoteIndexes(null), []);
  assert.deepEqual(badVoteIndexes(undefined), []);
  assert.deepEqual(badVoteIndexes({}), []);
  assert.deepEqual(badVoteIndexes({ errors: [] }), []);
  assert.deepEqual(badVoteIndexes({ errors: [{ field: 'raterToken' }, { field: 'x.votes[1]' }] }), []);
});

test('a retry resends the failed batch but not a vote still inside its undo hold', async () => {
  const r = rig({ replies: [new TypeError('offline'), response(202, { accepted: 1, duplicates: 0 }), response(202, { accepted: 1, duplicates: 0 })] });
  const old = r.addVote();
  r.clock.t += 2000; // past the hold
  r.sender.schedule();
  await r.runTimer(); // sent, failed: a retry is armed
  assert.deepEqual(r.sender.attempted.has(old.id), true, 'sent once: too late to undo');
  const fresh = r.addVote(); // decided during the backoff
  r.sender.schedule();
  await r.runTimer(); // the retry
  assert.deepEqual(r.requests[1].body.votes.map((v) => v.id), [old.id], 'only the retried vote; the fresh one can still be undone');
  assert.equal(r.sender.attempted.has(old.id), false, 'acknowledged: no longer pending');
  assert.equal(r.sender.attempted.has(fresh.id), false);
  assert.equal(r.queue.remove(fresh.id), true, 'undo of the fresh vote still works');
});

test('404, 405, 409 and 413 are retried, not dropped: only a 400 says a vote can never be stored', async () => {
  for (const status of [404, 405, 409, 413]) {
    const r = rig({ replies: [response(status, { title: 'Nope' })] });
    r.addVote();
    await r.sender.flush();
    assert.equal(r.queue.size, 1, `${status}: the vote is kept`);
    assert.equal(r.errors[0].retrying, true, `${status}: reported as retrying`);
    assert.equal(r.live().length, 1, `${status}: a retry is armed`);
  }
});

test('a batch carries one rater, and the token only when that rater is the signed-in one', async () => {
  const r = rig({ raterToken: 'v1.9999999999.sig', replies: [response(202, { accepted: 2, duplicates: 0 }), response(202, { accepted: 1, duplicates: 0 })] });
  const anon = [r.addVote(), r.addVote()];
  anon.forEach((v) => (v.rater = 'anon-1'));
  r.queue.ack(anon.map((v) => v.id));
  anon.forEach((v) => r.queue.add(v)); // queued again with the earlier rater, before the page signed in
  const mine = r.addVote(); // rater r1, the current one
  await r.sender.flush();
  assert.deepEqual(r.requests[0].body.votes.map((v) => v.rater), ['anon-1', 'anon-1'], 'the earlier rater\'s votes go alone');
  assert.equal(r.requests[0].init.headers['X-Rater-Token'], undefined, 'without the new rater\'s token');
  r.clock.t += 2000; // past the hold of the newer vote
  await r.runTimer();
  assert.deepEqual(r.requests[1].body.votes.map((v) => v.id), [mine.id]);
  assert.equal(r.requests[1].init.headers['X-Rater-Token'], 'v1.9999999999.sig');
  assert.equal(r.queue.size, 0);
});
