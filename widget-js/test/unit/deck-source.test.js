import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeckSource, DeckError, toCard, PAGE_SIZE } from '../../src/deck-source.js';
import { response } from './fakes.js';

const HOST = 'https://swipeloop.example';

const item = (id, extra = {}) => ({ id, prompt: `prompt ${id}`, imageUrl: `https://cdn.example/${id}.png`, ...extra });
const binary = (id) => ({ kind: 'binary', item: item(id) });
const pair = (l, r) => ({ kind: 'pair', left: item(l), right: item(r) });

// --- toCard ---------------------------------------------------------------

test('toCard: a binary card', () => {
  assert.deepEqual(toCard(binary('i1'), HOST), {
    kind: 'binary',
    key: 'i1',
    items: [{ id: 'i1', prompt: 'prompt i1', src: 'https://cdn.example/i1.png' }],
  });
});

test('toCard: a pair keeps its sides when random() >= 0.5', () => {
  for (const r of [0.5, 0.75, 0.999]) {
    const card = toCard(pair('L', 'R'), HOST, () => r);
    assert.equal(card.kind, 'pair');
    assert.deepEqual(card.items.map((i) => i.id), ['L', 'R'], `random=${r}`);
  }
});

test('toCard: a pair is shown reversed when random() < 0.5', () => {
  for (const r of [0, 0.25, 0.4999]) {
    const card = toCard(pair('L', 'R'), HOST, () => r);
    assert.deepEqual(card.items.map((i) => i.id), ['R', 'L'], `random=${r}`);
    assert.deepEqual(card.items[0], { id: 'R', prompt: 'prompt R', src: 'https://cdn.example/R.png' }, 'each item keeps its own prompt and image');
  }
});

test('toCard: shuffling is roughly fair with the real random', () => {
  let reversed = 0;
  for (let i = 0; i < 2000; i++) if (toCard(pair('L', 'R'), HOST).items[0].id === 'R') reversed++;
  assert.ok(reversed > 800 && reversed < 1200, `${reversed} of 2000 reversed`);
});

test('toCard: a pair has the same key whichever side each image is on', () => {
  const kept = toCard(pair('zeta', 'alpha'), HOST, () => 0.9);
  const reversed = toCard(pair('zeta', 'alpha'), HOST, () => 0.1);
  const swapped = toCard(pair('alpha', 'zeta'), HOST, () => 0.9);
  assert.equal(kept.key, reversed.key);
  assert.equal(kept.key, swapped.key);
  assert.notEqual(kept.key, toCard(pair('alpha', 'beta'), HOST, () => 0.9).key);
  assert.notEqual(kept.key, toCard(binary('alpha'), HOST).key, 'a pair is not one of its items');
});

test('toCard: missing ids give null', () => {
  const cases = [
    { kind: 'binary' },
    { kind: 'binary', item: null },
    { kind: 'binary', item: { prompt: 'no id', imageUrl: 'https://cdn.example/x.png' } },
    { kind: 'binary', item: { id: 42 } },
    { kind: 'pair', left: item('a') },
    { kind: 'pair', right: item('b') },
    { kind: 'pair', left: item('a'), right: { prompt: 'x' } },
    { kind: 'pair', left: { id: null }, right: item('b') },
  ];
  for (const c of cases) {
    for (const r of [0.1, 0.9]) assert.equal(toCard(c, HOST, () => r), null, JSON.stringify(c));
  }
});

test('toCard: an unsafe imageUrl gives src null but keeps the card', () => {
  const card = toCard({ kind: 'binary', item: item('i1', { imageUrl: 'javascript:alert(1)' }) }, HOST);
  assert.equal(card.key, 'i1');
  assert.equal(card.items[0].src, null);
  const p = toCard({ kind: 'pair', left: item('a', { imageUrl: 'data:image/png;base64,AAAA' }), right: item('b') }, HOST, () => 0.9);
  assert.equal(p.items[0].src, null);
  assert.equal(p.items[1].src, 'https://cdn.example/b.png');
  const missing = toCard({ kind: 'binary', item: { id: 'x' } }, HOST);
  assert.equal(missing.items[0].src, null);
});

test('toCard: /media/ images are resolved against the host', () => {
  const card = toCard({ kind: 'binary', item: item('i1', { imageUrl: '/media/i1' }) }, HOST);
  assert.equal(card.items[0].src, 'https://swipeloop.example/media/i1');
});

test('toCard: a missing or non-string prompt becomes empty', () => {
  assert.equal(toCard({ kind: 'binary', item: { id: 'x', imageUrl: 'https://cdn.example/x.png' } }, HOST).items[0].prompt, '');
  assert.equal(toCard({ kind: 'binary', item: item('x', { prompt: { html: '<b>' } }) }, HOST).items[0].prompt, '');
});

// --- DeckSource.next --------------------------------------------------------

function source({ replies, target = {}, retry = { baseMs: 1, maxMs: 2 } } = {}) {
  const requests = [];
  const retries = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    const next = replies.shift();
    if (next === undefined) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  };
  const t = { host: HOST, key: 'pk_test', rater: 'rater-1', raterToken: null, mode: 'binary', ...target };
  const deck = new DeckSource(() => t, { fetch, retry, onRetry: (d) => retries.push(d) });
  return { deck, requests, retries };
}

test('next builds the URL with rater, limit and mode and sends the key', async () => {
  const s = source({ target: { rater: 'r 1&x', mode: 'pair' }, replies: [response(200, { cards: [] })] });
  await s.deck.next();
  assert.equal(s.requests.length, 1);
  const url = new URL(s.requests[0].url);
  assert.equal(url.origin + url.pathname, 'https://swipeloop.example/v1/deck');
  assert.equal(url.searchParams.get('rater'), 'r 1&x');
  assert.equal(url.searchParams.get('mode'), 'pair');
  assert.equal(url.searchParams.get('limit'), String(PAGE_SIZE));
  assert.equal(s.requests[0].init.headers.Authorization, 'Bearer pk_test');
  assert.equal('X-Rater-Token' in s.requests[0].init.headers, false);
});

test('next sends X-Rater-Token when set', async () => {
  const s = source({ target: { raterToken: 'v1.1.sig' }, replies: [response(200, { cards: [] })] });
  await s.deck.next();
  assert.equal(s.requests[0].init.headers['X-Rater-Token'], 'v1.1.sig');
});

test('next asks for more when cards are on the stack or seen, up to the server cap', async () => {
  const s = source({ replies: [response(200, { cards: [] }), response(200, { cards: [] })] });
  s.deck.seen.add('a').add('b');
  await s.deck.next(new Set(['c', 'd', 'e']));
  assert.equal(Number(new URL(s.requests[0].url).searchParams.get('limit')), PAGE_SIZE + 5);
  for (let i = 0; i < 200; i++) s.deck.seen.add(`s${i}`);
  await s.deck.next();
  assert.equal(Number(new URL(s.requests[1].url).searchParams.get('limit')), 50);
});

test('next returns the cards, leaving out those seen here and those on the stack', async () => {
  const s = source({ replies: [response(200, { cards: [binary('a'), binary('b'), binary('c'), { kind: 'binary' }, binary('d')] })] });
  s.deck.seen.add('a');
  const { cards, exhausted } = await s.deck.next(new Set(['c']));
  assert.deepEqual(cards.map((c) => c.key), ['b', 'd']);
  assert.equal(cards[0].items[0].src, 'https://cdn.example/b.png');
  assert.equal(exhausted, false);
});

test('next filters pairs by key whichever way they are shown', async () => {
  const s = source({ target: { mode: 'pair' }, replies: [response(200, { cards: [pair('x', 'y'), pair('y', 'z')] })] });
  s.deck.seen.add(toCard(pair('y', 'x'), HOST, () => 0.9).key);
  const { cards } = await s.deck.next();
  assert.deepEqual(cards.map((c) => c.items.map((i) => i.id).sort()), [['y', 'z']]);
});

test('exhausted is true only when the server returned no cards', async () => {
  const empty = source({ replies: [response(200, { cards: [] })] });
  assert.deepEqual(await empty.deck.next(), { cards: [], exhausted: true });

  const noField = source({ replies: [response(200, {})] });
  assert.deepEqual(await noField.deck.next(), { cards: [], exhausted: true });

  const allSeen = source({ replies: [response(200, { cards: [binary('a'), binary('b')] })] });
  allSeen.deck.seen.add('a');
  const r = await allSeen.deck.next(new Set(['b']));
  assert.deepEqual(r.cards, []);
  assert.equal(r.exhausted, false, 'the server still had cards: not the end of the deck');
});

test('401 throws a DeckError with the status and the problem detail as message', async () => {
  const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'unknown publishable key' };
  const s = source({ replies: [response(401, problem)] });
  await assert.rejects(s.deck.next(), (e) => {
    assert.ok(e instanceof DeckError);
    assert.ok(e instanceof Error);
    assert.equal(e.status, 401);
    assert.equal(e.message, 'unknown publishable key');
    assert.deepEqual(e.problem, problem);
    return true;
  });
  assert.equal(s.requests.length, 1, 'not retried');
  assert.equal(s.retries.length, 0);
});

test('a refusal without detail uses the title, or names the status', async () => {
  const titled = source({ replies: [response(403, { title: 'Forbidden' })] });
  await assert.rejects(titled.deck.next(), { name: 'Error', status: 403, message: 'Forbidden' });
  const bare = source({ replies: [response(404, undefined)] });
  await assert.rejects(bare.deck.next(), (e) => e instanceof DeckError && e.status === 404 && /404/.test(e.message) && e.problem === null);
});

test('a 503 then 200 is retried and returns the cards', async () => {
  const s = source({ replies: [response(503, { title: 'Unavailable' }), response(200, { cards: [binary('a')] })] });
  const { cards } = await s.deck.next();
  assert.deepEqual(cards.map((c) => c.key), ['a']);
  assert.equal(s.requests.length, 2);
  assert.equal(s.requests[1].url, s.requests[0].url);
  assert.equal(s.retries.length, 1);
  assert.equal(s.retries[0].status, 503);
  assert.deepEqual(s.retries[0].problem, { title: 'Unavailable' });
  assert.ok(s.retries[0].retryInMs >= 0 && s.retries[0].retryInMs <= 2);
});

test('a network error, then 429 and 500, are retried until a 200', async () => {
  const s = source({ replies: [new TypeError('Failed to fetch'), response(429, undefined), response(500, undefined), response(200, { cards: [binary('a')] })] });
  const { cards } = await s.deck.next();
  assert.equal(cards.length, 1);
  assert.deepEqual(s.retries.map((r) => r.status), [0, 429, 500]);
});

test('Retry-After is a floor for the deck retry', async () => {
  const s = source({ replies: [response(503, undefined, { 'Retry-After': '0' }), response(200, { cards: [] })] });
  await s.deck.next();
  assert.equal(s.retries.length, 1);
  const withHeader = source({ replies: [response(429, undefined, { 'Retry-After': '1' }), response(200, { cards: [] })] });
  const started = Date.now();
  await withHeader.deck.next();
  assert.ok(withHeader.retries[0].retryInMs >= 1000, `${withHeader.retries[0].retryInMs}`);
  assert.ok(Date.now() - started >= 900, 'waited for the Retry-After');
});

test('the retry loop ends when its deck answers false (it was restarted or removed)', async () => {
  let calls = 0;
  const fetch = async () => {
    calls++;
    return response(503, { title: 'Service Unavailable' });
  };
  const t = { host: 'https://api.example', key: 'pk_x', rater: 'r', mode: 'binary' };
  const deck = new DeckSource(() => t, { fetch, retry: { baseMs: 1, maxMs: 2 }, onRetry: () => calls < 3 });
  await assert.rejects(deck.next(), (e) => e instanceof DeckError && e.status === 503);
  assert.equal(calls, 3, 'two retries, then it stopped instead of trying for ever');
});
