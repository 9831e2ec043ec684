import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesce } from '../../src/coalesce.js';

/** Lets every pending promise continuation run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A task whose runs finish only when the test says so. */
function gatedTask() {
  const runs = [];
  const task = () => new Promise((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, task };
}

test('one call runs the task once', async () => {
  const { runs, task } = gatedTask();
  const ask = coalesce(task);
  const done = ask();
  await settle();
  assert.equal(runs.length, 1);
  runs[0].resolve();
  await done;
  await settle();
  assert.equal(runs.length, 1, 'nothing more after it');
});

test('calls while a run is in flight make exactly one more run, after it', async () => {
  const { runs, task } = gatedTask();
  const ask = coalesce(task);
  ask();
  await settle();
  const joined = [ask(), ask(), ask()];
  await settle();
  assert.equal(runs.length, 1, 'never two at once');
  runs[0].resolve();
  await settle();
  assert.equal(runs.length, 2, 'the three calls became one queued run');
  runs[1].resolve();
  await Promise.all(joined);
  await settle();
  assert.equal(runs.length, 2);
});

test('a call during the queued run queues the next one', async () => {
  const { runs, task } = gatedTask();
  const ask = coalesce(task);
  ask();
  await settle();
  ask();
  runs[0].resolve();
  await settle();
  assert.equal(runs.length, 2);
  ask(); // the queued run is now the one in flight: this one must wait for it
  await settle();
  assert.equal(runs.length, 2);
  runs[1].resolve();
  await settle();
  assert.equal(runs.length, 3);
});

test('a failed run counts as done: the queued one still runs, and nothing rejects', async () => {
  const { runs, task } = gatedTask();
  const ask = coalesce(task);
  const first = ask();
  await settle();
  const second = ask();
  runs[0].reject(new Error('offline'));
  await first;
  await settle();
  assert.equal(runs.length, 2);
  runs[1].resolve();
  await second;
});

test('a task that throws at once is also just done', async () => {
  let runs = 0;
  const ask = coalesce(() => {
    runs++;
    throw new Error('bad');
  });
  await ask();
  await ask();
  assert.equal(runs, 2);
});
