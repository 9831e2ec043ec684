import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchProgress, refusedForGood } from '../../src/progress-source.js';
import { response } from './fakes.js';

const target = { host: 'https://swipeloop.example', key: 'pk_test', rater: 'user 7/ä', raterToken: null };

function recordingFetch(reply) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { requests, fetch };
}

test('asks the rater\'s progress with the app\'s key; the rater is one path segment', async () => {
  const { requests, fetch } = recordingFetch(response(200, { rater: 'user 7/ä', points: 4 }));
  const { status, progress } = await fetchProgress(fetch, target);
  assert.equal(status, 200);
  assert.equal(progress.points, 4);
  assert.equal(requests.length, 1);
  assert.equal(requests[0].url, 'https://swipeloop.example/v1/raters/user%207%2F%C3%A4/progress');
  assert.equal(requests[0].init.method, undefined, 'a GET');
  assert.equal(requests[0].init.headers.Authorization, 'Bearer pk_test');
  assert.equal('X-Rater-Token' in requests[0].init.headers, false, 'no token, no header');
});

test('sends the rater token when the deck has one', async () => {
  const { requests, fetch } = recordingFetch(response(200, { points: 0 }));
  await fetchProgress(fetch, { ...target, raterToken: 'v1.1700000000.sig' });
  assert.equal(requests[0].init.headers['X-Rater-Token'], 'v1.1700000000.sig');
});

test('refusals give no progress and the problem', async () => {
  const rewardsOff = { type: 'https://swipeloop.dev/problems/rewards-off', title: 'Rewards are off', status: 404, detail: 'This app has no reward policies.' };
  for (const [status, body] of [[404, rewardsOff], [401, { status: 401, detail: 'the rater token expired' }], [403, { status: 403 }], [503, undefined]]) {
    const { fetch } = recordingFetch(response(status, body));
    const answer = await fetchProgress(fetch, target);
    assert.equal(answer.status, status);
    assert.equal(answer.progress, null);
    assert.deepEqual(answer.problem, body ?? null);
  }
});

test('a 200 that is not progress (a proxy\'s page) gives none; the network gives status 0', async () => {
  assert.equal((await fetchProgress(recordingFetch(response(200, { hello: 'world' })).fetch, target)).progress, null);
  assert.deepEqual(await fetchProgress(recordingFetch(new TypeError('Failed to fetch')).fetch, target), { status: 0, progress: null, problem: null });
});

test('refusedForGood: a refused token or key, or rewards switched off; not a stray 404 nor passing trouble', () => {
  assert.equal(refusedForGood(401, { detail: 'the rater token expired' }), true);
  assert.equal(refusedForGood(403, null), true);
  assert.equal(refusedForGood(404, { type: 'https://swipeloop.dev/problems/rewards-off' }), true);
  assert.equal(refusedForGood(404, { type: 'https://swipeloop.dev/problems/not-found' }), false);
  assert.equal(refusedForGood(404, null), false, 'a proxy\'s 404 page');
  for (const status of [0, 429, 500, 503]) assert.equal(refusedForGood(status, null), false, `status ${status}`);
});
