// The widget on other people's pages: hostile CSS, the script twice, a strict CSP, set up
// from code, and the events a page listens to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, storedVotes, eventually, template, deck, api } from './harness.js';

let host, pages, app, oddApp, browser;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-embed-'));
  pages = await startPageServer();
  app = createApp(dataDir, pages.origin);
  oddApp = createApp(dataDir, pages.origin, 'Odd items');
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 40);
  // One item whose image is missing, one whose prompt is markup.
  await api(host, oddApp.secretKey, '/v1/items', { method: 'POST', body: JSON.stringify({ items: [
    { id: 'gone', imageUrl: `${host.url}/demo/images/no-such-image.png`, prompt: 'an image that is not there' },
    { id: 'markup', imageUrl: `${host.url}/demo/images/${deckImage()}`, prompt: '<img src=x onerror="window.pwned=1"><b>bold</b>' },
  ] }) });
  browser = await launchBrowser();
});

/** A file name of one of the demo images the host paints. */
function deckImage() {
  return readdirSync(join(host.dataDir, 'demo', 'images')).find((f) => f.endsWith('.png'));
}

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

test('hostile page CSS does not reach the deck: images show, buttons work', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/hostile', template('hostile.html', { HOST: host.url, KEY: app.publishableKey })));
  await deck.ready(page);
  const image = await page.locator('swipe-deck .card.top img').boundingBox();
  assert.ok(image && image.width > 300 && image.height > 300, `the image is shown full size (${JSON.stringify(image)})`);
  const like = page.locator('swipe-deck button[data-answer=like]');
  assert.ok(await like.isVisible(), 'the buttons are visible');
  const font = await like.evaluate((b) => getComputedStyle(b).fontFamily + ' ' + getComputedStyle(b).textTransform);
  assert.doesNotMatch(font, /Comic|uppercase/, 'inherited page fonts do not leak in');
  await like.click();
  await eventually(async () => (await storedVotes(host, app.secretKey)).some((v) => v.verdict === 'like'), 'the like stored');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second copy of the script is harmless: one element definition, one deck, votes once', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/twice', template('twice.html', { HOST: host.url, KEY: app.publishableKey })));
  await deck.ready(page);
  assert.equal(await page.locator('swipe-deck .card.top').count(), 1);
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowLeft');
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  await eventually(async () => (await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater).length === 1, 'one vote');
  await page.waitForTimeout(1500);
  assert.equal((await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater).length, 1);
  assert.deepEqual(problems, [], 'no "already defined" error');
  await context.close();
});

test('SwipeDeck.mount sets attributes from options; a cancelled vote event records nothing; limit ends with empty', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/mount', template('mount.html', { HOST: host.url, KEY: app.publishableKey })));
  await deck.ready(page);
  assert.equal(await page.evaluate(() => window.deck.getAttribute('labels')), 'Keep,Toss');
  assert.equal(await page.evaluate(() => window.deck.rater), 'rater-from-code');
  const first = (await deck.shown(page))[0].replace('test prompt ', 'item-');
  await page.evaluate((item) => (window.vetoItem = item), first);
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal((await deck.shown(page))[0].replace('test prompt ', 'item-'), first, 'a vetoed vote leaves the card on top');
  await page.evaluate(() => (window.vetoItem = null));
  for (let i = 0; i < 3; i++) {
    await deck.ready(page);
    await page.keyboard.press(i === 1 ? 'ArrowLeft' : 'ArrowRight');
  }
  await page.locator('swipe-deck .status').filter({ hasText: 'all for now' }).waitFor();
  // Past the limit nothing more is judged, whatever is pressed or called.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => window.deck.decide('skip')), false);
  await eventually(() => page.evaluate(() => window.events.filter((e) => e.name === 'flush').reduce((n, e) => n + e.detail.accepted, 0) === 3), 'flush events for 3 votes');
  const events = await page.evaluate(() => window.events);
  assert.equal(events.filter((e) => e.name === 'vote').length, 4, 'one vote event per decision, the vetoed one included');
  assert.equal(events.filter((e) => e.name === 'empty').length, 1, 'empty fires once, after the limit');
  const flushes = events.filter((e) => e.name === 'flush');
  assert.equal(flushes.reduce((n, e) => n + e.detail.accepted, 0), 3);
  assert.deepEqual(Object.keys(flushes[0].detail).sort(), ['accepted', 'duplicates', 'pending', 'sent'], 'the documented flush detail');
  assert.equal(flushes.reduce((n, e) => n + e.detail.sent, 0), 3);
  const votes = (await storedVotes(host, app.secretKey)).filter((v) => v.rater === 'rater-from-code');
  assert.equal(votes.length, 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the demo page works under its strict CSP (default-src \'self\'; img-src \'self\' data:)', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const violations = [];
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  const response = await page.goto(host.url + '/');
  assert.match(response.headers()['content-security-policy'], /default-src 'self'; img-src 'self' data:/);
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to ' + e.violatedDirective)));
  await deck.ready(page);
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => (await storedVotes(host, host.demo.secretKey)).length >= 1, 'the demo vote stored');
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a broken image says so and can only be skipped; a caption with markup is shown as text', async () => {
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const failed = [];
  page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
  await page.goto(pages.page('/odd', template('embed.html', { HOST: host.url, KEY: oddApp.publishableKey, MODE: 'binary' })));
  const shown = async () => (await deck.shown(page))[0];
  await page.locator('swipe-deck .card.top').waitFor();
  await page.locator('swipe-deck .stage').focus();
  for (let seen = 0; seen < 2; seen++) {
    if ((await shown()) === 'an image that is not there') {
      const note = page.locator('swipe-deck .card.top .broken [part=broken-note]');
      await note.waitFor();
      assert.match(await note.textContent(), /failed to load/);
      assert.equal(await page.locator('swipe-deck button[data-answer=like]').getAttribute('aria-disabled'), 'true');
      await page.keyboard.press('ArrowRight'); // refused: nothing unseen is judged
      assert.equal(await shown(), 'an image that is not there');
      await page.keyboard.press('Space');
    } else {
      await deck.ready(page);
      assert.equal(await shown(), '<img src=x onerror="window.pwned=1"><b>bold</b>', 'the caption reads as the text it is');
      assert.equal(await page.locator('swipe-deck .card.top figcaption *').count(), 0, 'no element was made from it');
      await page.keyboard.press('ArrowLeft');
    }
  }
  const votes = await eventually(async () => {
    const v = await storedVotes(host, oddApp.secretKey);
    return v.length === 2 && v;
  }, 'two votes');
  assert.deepEqual(Object.fromEntries(votes.map((v) => [v.item, v.verdict])), { gone: 'skip', markup: 'dislike' });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.ok(failed.every((f) => /404/.test(f)), `only the missing image failed: ${failed}`);
  await context.close();
});

test('a deck moved elsewhere in the page (removed, then added again) carries on', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(pages.page('/moved', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  await page.evaluate(() => {
    const moved = document.querySelector('swipe-deck');
    moved.remove();
    document.body.append(moved); // what frameworks and modals do
  });
  await deck.ready(page);
  await page.locator('swipe-deck .stage').focus();
  await page.keyboard.press('ArrowLeft');
  const rater = await page.evaluate(() => localStorage.getItem('swipeloop:rater'));
  await eventually(async () => (await storedVotes(host, app.secretKey)).filter((v) => v.rater === rater).length === 1, 'the vote after the move');
  assert.deepEqual(problems, []);
  await context.close();
});
