// The promise of the widget: no decision is lost, and none is stored twice, through a
// server outage and through a reload with votes still queued.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, storedVotes, eventually, template, deck } from './harness.js';

let host, pages, app, browser, dataDir;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-lost-'));
  pages = await startPageServer({ imageDir: join(dataDir, 'demo', 'images') });
  app = createApp(dataDir, pages.origin);
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 60, { imageBase: `${pages.origin}/images` });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

async function votesOf(rater) {
  return (await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater);
}

test('server stopped, 10 decisions, server back: exactly 10 votes stored', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/offline', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  // Cards for the whole run are loaded while the server is up; then it goes away.
  await deck.ready(page);
  await page.locator('swipe-deck .stage').focus();
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  const port = host.port;
  await host.stop();

  const errors = [];
  await page.exposeFunction('recordError', (d) => errors.push(d));
  await page.evaluate(() => document.addEventListener('swipe-deck:error', (e) => window.recordError({ status: e.detail.status, retrying: e.detail.retrying })));
  for (let i = 0; i < 10; i++) {
    await deck.ready(page);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  }
  await page.waitForTimeout(2500); // past the undo hold: sending starts, and fails
  assert.equal(await page.evaluate(() => document.querySelector('swipe-deck').pending), 10, 'all 10 wait in the queue');
  assert.ok(errors.some((e) => e.status === 0 && e.retrying), 'a network error is reported as retrying');

  host = await startHost({ dataDir, port });
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length >= 10 && v;
  }, '10 votes after the server came back', 45_000);
  await page.waitForTimeout(1500);
  assert.equal((await votesOf(rater)).length, 10, 'exactly 10, none doubled');
  assert.equal(new Set(votes.map((v) => v.id)).size, 10);
  assert.equal(await page.evaluate(() => document.querySelector('swipe-deck').pending), 0);
  await context.close();
});

test('a reload with votes still queued sends them once: nothing lost, nothing doubled', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const url = pages.page('/reload', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' }));
  // The first visit's votes never reach the server: the browser drops every vote request (and beacon).
  await page.route('**/v1/votes**', (route) => route.abort());
  await page.goto(url);
  await page.locator('swipe-deck .stage').focus();
  for (let i = 0; i < 6; i++) {
    await deck.ready(page);
    await page.keyboard.press('ArrowRight');
  }
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('swipeloop:queue:')))).length);
  assert.equal(queued, 6, 'the queue is in localStorage before the reload');

  const judged = JSON.parse(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('swipeloop:queue:'))))).map((e) => e.vote.item);
  // Still blocked across the reload: nothing the first page does on its way out gets through.
  await page.reload();
  await deck.ready(page);
  assert.ok(!judged.includes((await deck.shown(page))[0].replace('test prompt ', 'item-')), 'a card whose vote is still queued is not dealt again');
  await page.unroute('**/v1/votes**');
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowLeft'); // and the reloaded page judges on
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length >= 7 && v;
  }, 'the 6 queued votes and the new one after the reload', 45_000);
  await page.waitForTimeout(2000);
  assert.equal((await votesOf(rater)).length, 7);
  assert.equal(new Set(votes.map((v) => v.id)).size, 7);
  assert.equal(new Set(votes.map((v) => v.item)).size, 7, 'no card was judged twice');
  await context.close();
});

test('a vote acknowledged but not seen by the page is sent again and stored once', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const url = pages.page('/lost-ack', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' }));
  // The server stores the batch, but the page never hears back (the answer is lost on the way).
  let dropped = 0;
  await page.route('**/v1/votes**', async (route) => {
    if (route.request().method() !== 'POST' || dropped) return route.continue();
    dropped++;
    await route.fetch();
    await route.abort();
  });
  await page.goto(url);
  await page.locator('swipe-deck .stage').focus();
  for (let i = 0; i < 3; i++) {
    await deck.ready(page);
    await page.keyboard.press('ArrowLeft');
  }
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  await eventually(() => page.evaluate(() => document.querySelector('swipe-deck').pending === 0), 'the retry acknowledged', 30_000);
  assert.equal(dropped, 1);
  assert.equal((await votesOf(rater)).length, 3);
  await context.close();
});

test('leaving the page inside the undo hold still delivers the vote (sendBeacon on pagehide)', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/leave', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  const item = (await deck.shown(page))[0].replace('test prompt ', 'item-');
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.querySelector('swipe-deck').pending), 1, 'still held for undo');
  await page.goto('about:blank'); // well inside the 1.5 s hold: only the exit path can send it
  const votes = await eventually(async () => {
    const v = await votesOf(rater);
    return v.length === 1 && v;
  }, 'the vote sent on the way out');
  assert.deepEqual(votes.map((v) => [v.item, v.verdict]), [[item, 'like']]);
  await context.close();
});
