// Binary mode in Chromium against the real host: every way of answering a card (mouse drag,
// touch swipe, keys, buttons) ends as the right vote in storage, and nothing else does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, storedVotes, eventually, template, deck, timedDrag } from './harness.js';

let host, pages, app, browser;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-binary-'));
  pages = await startPageServer();
  app = createApp(dataDir, pages.origin);
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 40);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

/** item id of the card on top, from its caption ("test prompt 7" → "item-7") */
async function topItem(page) {
  const [caption] = await deck.shown(page);
  return caption.replace('test prompt ', 'item-');
}

async function votesOf(rater) {
  return (await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater);
}

async function raterOf(page) {
  return page.evaluate(() => localStorage.getItem('swipeloop:rater'));
}

test('a mouse drag past the threshold likes or passes the card; a short drag snaps back', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const images = new Set();
  page.on('request', (r) => r.url().includes('/demo/images/') && images.add(r.url()));
  await page.goto(pages.page('/binary-mouse', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  await eventually(() => images.size >= 3, 'the top image and the next two preloaded', 5000);
  const expected = [];

  const drag = async (dx, steps) => {
    const box = await page.locator('swipe-deck .card.top').boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + 20, { steps });
    await page.mouse.up();
  };

  const first = await topItem(page);
  const box = await page.locator('swipe-deck .card.top').boundingBox();
  // 40 px in 400 ms (0.1 px/ms): short and slow, not a decision.
  await timedDrag(page, box.x + box.width / 2, box.y + box.height / 2, [[10, 5, 100], [20, 10, 200], [30, 15, 300], [40, 20, 400]]);
  await page.waitForTimeout(400);
  assert.equal(await topItem(page), first, 'a short, slow drag must leave the card on top');
  assert.equal(await page.locator('swipe-deck .card.top').evaluate((n) => n.style.transform), '', 'the card snaps back');

  await drag(320, 12);
  expected.push([first, 'like']);
  await deck.ready(page);
  const second = await topItem(page);
  assert.notEqual(second, first);
  await drag(-320, 12);
  expected.push([second, 'dislike']);
  await deck.ready(page);

  const rater = await raterOf(page);
  assert.match(rater, /^anon-[0-9a-f-]{36}$/, 'an anonymous rater id is kept in localStorage');
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length === expected.length && v;
  }, 'two votes stored');
  assert.deepEqual(votes.map((v) => [v.item, v.verdict]), expected);
  for (const v of votes) {
    assert.equal(v.kind, 'binary');
    assert.match(v.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'ids are UUIDv7');
    assert.ok(v.dwellMs > 0 && v.dwellMs < 60_000, `dwell time measured (${v.dwellMs} ms)`);
    assert.ok(v.session, 'a session id is sent');
    assert.ok(Math.abs(Date.parse(v.clientTs) - Date.now()) < 60_000, 'client time is now');
  }
  assert.equal(votes[0].session, votes[1].session);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keys and buttons answer, skip and undo; the live region announces each outcome', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/binary-keys', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  await page.locator('swipe-deck .stage').focus();
  const expected = [];
  const live = page.locator('swipe-deck [role=status]');
  const announced = (text) => eventually(async () => (await live.textContent()).includes(text), `the live region to say "${text}"`, 5000);

  for (const [key, verdict, said] of [['ArrowRight', 'like', 'Smash'], ['ArrowLeft', 'dislike', 'Pass'], [' ', 'skip', 'Skip']]) {
    const item = await topItem(page);
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    expected.push([item, verdict]);
    await announced(said);
    await deck.ready(page);
  }

  // Undo brings the last card back and its vote never reaches the server.
  const undone = await topItem(page);
  await page.keyboard.press('ArrowRight');
  await deck.ready(page);
  await page.keyboard.press('z');
  await announced('Undone');
  assert.equal(await topItem(page), undone, 'undo puts the card back on top');

  for (const [answer, verdict] of [['like', 'like'], ['dislike', 'dislike'], ['skip', 'skip']]) {
    const item = await topItem(page);
    await page.locator(`swipe-deck button[data-answer=${answer}]`).click();
    expected.push([item, verdict]);
    await deck.ready(page);
  }
  const undoButton = page.locator('swipe-deck button[data-answer=undo]');
  assert.equal(await undoButton.getAttribute('aria-disabled'), 'false');

  const rater = await raterOf(page);
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length >= expected.length && v;
  }, `${expected.length} votes stored`);
  await page.waitForTimeout(2500); // longer than the hold: an undone vote would have arrived by now
  assert.deepEqual((await votesOf(rater)).map((v) => [v.item, v.verdict]), expected);
  assert.equal(votes.length, expected.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a touch swipe (CDP touch events) passes the card and does not scroll the page', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(pages.page('/binary-touch', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  const item = await topItem(page);
  const box = await page.locator('swipe-deck .card.top').boundingBox();
  const cdp = await context.newCDPSession(page);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x - i * 25, y: y + i * 4 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not scroll');
  const rater = await raterOf(page);
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length === 1 && v;
  }, 'the touch vote stored');
  assert.deepEqual(votes.map((v) => [v.item, v.verdict]), [[item, 'dislike']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quick flick decides by velocity below the distance threshold; reduced motion removes the card at once', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(pages.page('/binary-flick', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  const item = await topItem(page);
  const box = await page.locator('swipe-deck .card.top').boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // 120 px in 30 ms (4 px/ms): under 35 % of the 416 px card, so only its speed decides.
  await timedDrag(page, x, y, [[40, 0, 10], [80, 0, 20], [120, 0, 30]]);
  const after = await page.evaluate(() => {
    const deckElement = document.querySelector('swipe-deck');
    return { pending: deckElement.pending, leaving: deckElement.shadowRoot.querySelectorAll('.card.gone').length };
  });
  assert.equal(after.pending, 1, 'the flick was a decision');
  assert.equal(after.leaving, 0, 'with reduced motion the thrown card is removed at once, not animated away');
  await deck.ready(page);
  assert.notEqual(await topItem(page), item);
  const rater = await raterOf(page);
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length === 1 && v;
  }, 'the flick stored');
  assert.deepEqual(votes.map((v) => [v.item, v.verdict]), [[item, 'like']]);
  assert.deepEqual(problems, []);
  await context.close();
});
