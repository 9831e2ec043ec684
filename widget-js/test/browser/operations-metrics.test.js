// GET /metrics of the real host, read by a Prometheus text-format parser that is not ours: after
// votes were posted, the families an operator's dashboards and alerts need are there and add up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startHost, createApp, pushItems } from './harness.js';

const ORIGIN = 'https://metrics.example';
const REQUESTS = 24;
const VOTES_PER_REQUEST = 5;

let host, app;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-metrics-'));
  app = createApp(dataDir, ORIGIN, 'Metrics tests');
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 10);
});

after(async () => {
  await host?.stop();
});

async function scrape() {
  const response = await fetch(`${host.url}/metrics`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  return response.text();
}

const families = (text) => new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));

/**
 * The samples of a histogram that has labels besides `le`, each with all its labels. The parser
 * folds a histogram family into one object keyed by `le` and drops its other labels, and with them
 * `_count` and `_sum` (yunyu/parse-prometheus-text-format#13, fix proposed in #8). Typed
 * `untyped`, the same lines come out as plain samples that keep every label.
 */
function labelledHistogram(text, name) {
  const untyped = text.replace(`# TYPE ${name} histogram`, `# TYPE ${name} untyped`);
  const samples = (suffix) => parsePrometheusTextFormat(untyped).filter((f) => f.name === name + suffix)
    .flatMap((f) => f.metrics);
  return { buckets: samples('_bucket'), counts: samples('_count') };
}

function postVotes(batch) {
  const votes = Array.from({ length: VOTES_PER_REQUEST }, (_, v) => ({
    id: randomUUID(), rater: `rater-${batch}`, kind: 'binary', item: `item-${(batch + v) % 10}`,
    verdict: v % 2 ? 'like' : 'dislike', dwellMs: 400,
  }));
  return fetch(`${host.url}/v1/votes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.publishableKey}`, Origin: ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ votes }),
  });
}

const number = (value) => Number(value.replace('+Inf', 'Infinity'));

test('after votes, /metrics parses and holds the route histogram, commits, queue, plugins and the JVM', async () => {
  const answers = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => postVotes(i)));
  let accepted = 0;
  for (const answer of answers) {
    assert.equal(answer.status, 202);
    accepted += (await answer.json()).accepted;
  }
  assert.equal(accepted, REQUESTS * VOTES_PER_REQUEST);

  const text = await scrape();
  const parsed = families(text);

  assert.equal(parsed.get('swipeloop_http_request_duration_seconds')?.type, 'HISTOGRAM');
  const requests = labelledHistogram(text, 'swipeloop_http_request_duration_seconds');
  const isVotes = (m) => m.labels.method === 'POST' && m.labels.route === '/v1/votes' && m.labels.status === '202';
  const count = requests.counts.find(isVotes);
  assert.ok(count, `a series for POST /v1/votes 202 among ${JSON.stringify(requests.counts.map((m) => m.labels))}`);
  assert.ok(number(count.value) >= REQUESTS, `count ${count.value} >= ${REQUESTS}`);
  const buckets = requests.buckets.filter(isVotes).sort((a, b) => number(a.labels.le) - number(b.labels.le));
  assert.equal(buckets.at(-1).labels.le, '+Inf');
  const cumulative = buckets.map((b) => number(b.value));
  cumulative.forEach((c, i) => assert.ok(i === 0 || c >= cumulative[i - 1], `buckets are cumulative: ${cumulative}`));
  assert.equal(cumulative.at(-1), number(count.value), 'the +Inf bucket is the count');
  assert.ok(requests.counts.every((m) => !/rater-|item-/.test(m.labels.route)), 'routes are templates');

  const commits = parsed.get('swipeloop_commit_votes');
  assert.equal(commits?.type, 'HISTOGRAM');
  assert.equal(number(commits.metrics[0].sum), accepted, 'every accepted vote went through one commit');
  assert.ok(number(commits.metrics[0].count) >= 1 && number(commits.metrics[0].count) <= REQUESTS);
  assert.equal(number(parsed.get('swipeloop_votes_accepted_total').metrics[0].value), accepted);
  assert.equal(parsed.get('swipeloop_commit_duration_seconds')?.type, 'HISTOGRAM');

  const queue = parsed.get('swipeloop_commit_queue_votes');
  assert.equal(queue?.type, 'GAUGE');
  assert.equal(number(queue.metrics[0].value), 0, 'every vote answered, none waiting');

  const storage = parsed.get('swipeloop_storage_info').metrics[0].labels;
  assert.equal(storage.storage, 'sqlite');
  const states = parsed.get('swipeloop_plugin_state').metrics.filter((m) => m.labels.plugin === storage.plugin);
  assert.deepEqual(states.filter((m) => number(m.value) === 1).map((m) => m.labels.state), ['STARTED'],
    `the storage plugin ${storage.plugin} is STARTED and in no other state`);
  assert.ok(states.length > 1, 'a state set: the other states are there with 0');

  const heap = parsed.get('jvm_memory_used_bytes').metrics.find((m) => m.labels.area === 'heap');
  assert.ok(number(heap.value) > 0, 'JVM heap in use');
  assert.ok(parsed.has('jvm_gc_collection_seconds') && parsed.has('process_cpu_seconds_total'));
});
