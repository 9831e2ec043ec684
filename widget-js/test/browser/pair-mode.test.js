// Pair mode against the real host: clicks, keys and swipes choose a side, and every vote
// records the two images in the order they were shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, storedVotes, eventually, template, deck } from './harness.js';

let host, pages, app, browser;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-pair-'));
  pages = await startPageServer();
  app = createApp(dataDir, pages.origin);
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 48, { groups: 8 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

const idOf = (caption) => caption.replace('test prompt ', 'item-');

test('click, keys and swipe choose a side; votes keep the order shown', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/pair', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'pair' })));
  const expected = [];
  const record = async (choice, act) => {
    await deck.ready(page);
    const [left, right] = (await deck.shown(page)).map(idOf);
    await act();
    expected.push({ left, right, choice });
  };

  await record('left', () => page.locator('swipe-deck .card.top [data-side=left]').click());
  await record('right', () => page.locator('swipe-deck .card.top [data-side=right]').click());
  await page.locator('swipe-deck .stage').focus();
  await record('left', () => page.keyboard.press('ArrowLeft'));
  await record('tie', () => page.keyboard.press('ArrowDown'));
  await record('skip', () => page.keyboard.press('Space'));
  await record('tie', () => page.locator('swipe-deck button[data-answer=tie]').click());
  await record('right', async () => {
    const box = await page.locator('swipe-deck .card.top').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 300, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
  });

  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  const votes = await eventually(async () => {
    const mine = (await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater);
    return mine.length === expected.length && mine;
  }, `${expected.length} pair votes stored`);
  assert.deepEqual(votes.map((v) => ({ left: v.left, right: v.right, choice: v.choice })), expected);
  assert.ok(votes.every((v) => v.kind === 'pair'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the left/right order is shuffled, so the server\'s left image is not always shown left', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/pair-order', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'pair' })));
  const lefts = [];
  for (let i = 0; i < 12; i++) {
    await deck.ready(page);
    const [left, right] = (await deck.shown(page)).map(idOf);
    lefts.push(Number(left.split('-')[1]) < Number(right.split('-')[1]));
    await page.locator('swipe-deck button[data-answer=skip]').click();
  }
  // 12 fair coin flips all landing the same way: p = 2 / 4096.
  assert.ok(lefts.includes(true) && lefts.includes(false), `order shown: ${lefts}`);
  await context.close();
});
