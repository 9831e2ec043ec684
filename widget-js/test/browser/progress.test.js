// <swipe-deck show-progress>: the meter of a rater's reward points, against the real host
// with the points and tiers policies switched on for the app. Also: without the attribute the
// deck asks nothing and loads nothing more; an app without rewards, or a rater the server
// will not vouch for, leaves the deck as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, template, deck, screenshot, api, eventually } from './harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the progress module may weigh, gzipped, on top of the widget's own 8 KiB. */
const CHUNK_BUDGET = 3 * 1024;
const REWARDS = {
  'rewards.policies': 'points,tiers',
  'rewards.anonymous': true,
  'reward.points.perVote': 1,
  'reward.points.dailyCap': 0,
  'reward.tiers.thresholds': '3:Rookie,100:Early access',
};
let host, pages, rewarded, plain, verifiedOnly, browser;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-progress-'));
  pages = await startPageServer();
  rewarded = createApp(dataDir, pages.origin, 'Rewarded');
  plain = createApp(dataDir, pages.origin, 'No rewards');
  verifiedOnly = createApp(dataDir, pages.origin, 'Rewards for verified raters only');
  host = await startHost({ dataDir });
  for (const app of [rewarded, plain, verifiedOnly]) await pushItems(host, app.secretKey, 20);
  pages.page('/record-events.js', template('record-events.js', {}), { 'Content-Type': 'text/javascript' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

/** A page with the meter under a CSP that allows scripts and requests from the host only. */
function progressPage(path, app, rater) {
  return pages.page(path, template('progress.html', { HOST: host.url, KEY: app.publishableKey, RATER: rater }), {
    'Content-Security-Policy': `default-src 'none'; script-src 'self' ${host.url}; connect-src ${host.url}; img-src ${host.url}`,
  });
}

/** Every request the page makes to the host, as paths. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (r) => r.url().startsWith(host.url) && paths.push(new URL(r.url()).pathname));
  return paths;
}

/** The meter's progressbar as a screen reader gets it, or null while the meter is hidden. */
const meter = (page) => page.evaluate(() => {
  const bar = document.querySelector('swipe-deck').shadowRoot.querySelector('[role=progressbar]');
  if (!bar || !bar.checkVisibility()) return null;
  const value = (name) => bar.getAttribute(name);
  return { now: Number(value('aria-valuenow')), min: Number(value('aria-valuemin')), max: Number(value('aria-valuemax')), text: value('aria-valuetext') };
});
const milestone = (page) => page.locator('swipe-deck [part=milestone]').textContent();
/** Waits for the bar's and the message's transitions to end, so a screenshot shows where they went. */
const settled = (page) => page.waitForFunction(() => document.querySelector('swipe-deck').shadowRoot.getAnimations().length === 0);
/** Console errors but the browser's own line for a refused request, which every 404 or 401 gets. */
const realProblems = (problems) => problems.filter((p) => !/Failed to load resource/.test(p));

async function swipe(page, times) {
  await page.locator('swipe-deck .stage').focus();
  for (let i = 0; i < times; i++) {
    await deck.ready(page);
    await page.keyboard.press('ArrowRight');
  }
}

test('without show-progress the deck asks for no progress and loads nothing more', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const paths = recordRequests(page);
  await page.goto(pages.page('/plain', template('embed.html', { HOST: host.url, KEY: rewarded.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  await swipe(page, 2);
  await page.evaluate(() => document.querySelector('swipe-deck').flush());
  await eventually(() => paths.includes('/v1/votes'), 'the votes sent');
  await page.waitForTimeout(500);
  assert.deepEqual(paths.filter((p) => /progress/.test(p)), [], 'no progress request, no progress module');
  assert.equal(await page.locator('swipe-deck [part~=progress]').count(), 0, 'nothing new rendered');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`show-progress (${scheme}): the meter moves with committed votes, then says the tier was reached, once`, async () => {
    await api(host, rewarded.secretKey, '/v1/settings', { method: 'PATCH', body: JSON.stringify(REWARDS) });
    const rater = `progress-${scheme}`;
    const { context, page, problems } = await strictPage(browser, { viewport: { width: 480, height: 900 }, colorScheme: scheme });
    const paths = recordRequests(page);
    const url = progressPage(`/progress-${scheme}`, rewarded, rater);
    await page.goto(url);
    await deck.ready(page);
    assert.deepEqual(await eventually(() => meter(page), 'the meter'), { now: 0, min: 0, max: 3, text: '0 points, 3 to Rookie' });
    assert.match(await page.locator('swipe-deck [part=progress-text]').textContent(), /^0 points · 3 to Rookie$/);
    assert.equal(await milestone(page), '');
    await settled(page);
    await screenshot(page, `progress-${scheme}-start`);

    await swipe(page, 1);
    assert.deepEqual(await eventually(async () => (await meter(page))?.now === 1 && meter(page), 'one point'), { now: 1, min: 0, max: 3, text: '1 point, 2 to Rookie' });
    await swipe(page, 2);
    await eventually(async () => (await milestone(page)) === 'You reached Rookie!', 'the tier message');
    assert.deepEqual(await meter(page), { now: 3, min: 0, max: 100, text: '3 points, 97 to Early access' });
    assert.equal(await page.locator('swipe-deck [part=milestone]').getAttribute('aria-live'), 'polite');
    await settled(page);
    await screenshot(page, `progress-${scheme}-milestone`);

    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events.filter((e) => e.name === 'milestone').map((e) => e.detail), [{ tier: 'Rookie', points: 3 }]);
    const progress = events.filter((e) => e.name === 'progress').map((e) => e.detail);
    assert.ok(progress.every((p, i) => !i || p.points >= progress[i - 1].points), `points never go down: ${progress.map((p) => p.points)}`);
    assert.equal(progress.at(-1).tier, 'Rookie');
    assert.equal(progress.at(-1).rater, rater);
    // On start and after each acknowledged batch, never more: the deck does not poll.
    const flushes = events.filter((e) => e.name === 'flush').length;
    const asked = paths.filter((p) => p.endsWith('/progress')).length;
    assert.ok(asked >= 2 && asked <= flushes + 1, `${asked} progress requests for ${flushes} flushes`);

    // page.evaluate is not subject to the page's CSP, unlike an injected <script>.
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), [], 'no axe violations with the meter and its message');

    // A reload shows the meter again, but the tier is old news for this browser.
    await page.reload();
    await deck.ready(page);
    await eventually(async () => (await meter(page))?.now === 3, 'the meter after a reload');
    await page.waitForTimeout(500);
    assert.equal(await milestone(page), '');
    assert.deepEqual(await page.evaluate(() => window.events.filter((e) => e.name === 'milestone')), []);
    assert.deepEqual(realProblems(problems), [], 'no console errors, no CSP violation');
    await context.close();
  });
}

test('the progress module is loaded only for show-progress, from the host, and within its own budget', async () => {
  await api(host, rewarded.secretKey, '/v1/settings', { method: 'PATCH', body: JSON.stringify(REWARDS) });
  const { context, page } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const scripts = [];
  page.on('requestfinished', (r) => r.resourceType() === 'script' && r.url().startsWith(host.url) && scripts.push(r));
  await page.goto(progressPage('/progress-size', rewarded, 'progress-size'));
  await eventually(() => meter(page), 'the meter');
  const names = scripts.map((r) => new URL(r.url()).pathname);
  assert.equal(names.length, 2, `widget.js and the module: ${names}`);
  assert.equal(names[0], '/widget.js');
  assert.match(names[1], /^\/widget\.progress\.[0-9a-f]{16}\.js$/);
  const body = await (await scripts[1].response()).body();
  const gzipped = gzipSync(body, { level: 9 }).length;
  console.log(`${names[1]}: ${body.length} bytes minified, ${gzipped} gzipped (budget ${CHUNK_BUDGET}), on top of widget.js`);
  assert.ok(gzipped <= CHUNK_BUDGET, `the progress module is ${gzipped} bytes gzipped, over its ${CHUNK_BUDGET} budget`);
  await context.close();
});

test('an app without reward policies (404 rewards-off): no meter, no console noise, the deck works as before', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const refusals = [];
  page.on('response', async (r) => r.url().endsWith('/progress') && refusals.push({ status: r.status(), type: (await r.json().catch(() => ({}))).type }));
  await page.goto(progressPage('/rewards-off', plain, 'no-rewards'));
  await deck.ready(page);
  await swipe(page, 2);
  await eventually(() => page.evaluate(() => window.events.some((e) => e.name === 'flush')), 'the votes acknowledged');
  await page.waitForTimeout(500);
  assert.deepEqual(refusals.map((r) => r.status), [404], 'asked once: a 404 is not asked again after a flush');
  assert.equal(refusals[0].type, 'https://swipeloop.dev/problems/rewards-off');
  assert.equal(await page.locator('swipe-deck [part~=progress]').isVisible(), false);
  assert.equal(await page.locator('swipe-deck .card.top').count(), 1, 'the next card is on top');
  assert.deepEqual(warnings, []);
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});

test('a rater the server will not vouch for (401): no meter and exactly one warning', async () => {
  await api(host, verifiedOnly.secretKey, '/v1/settings', { method: 'PATCH', body: JSON.stringify({ ...REWARDS, 'rewards.anonymous': false }) });
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(progressPage('/unverified', verifiedOnly, 'no-token'));
  await deck.ready(page);
  await swipe(page, 1);
  await eventually(() => page.evaluate(() => window.events.some((e) => e.name === 'flush')), 'the vote acknowledged');
  await swipe(page, 1);
  await eventually(() => page.evaluate(() => window.events.filter((e) => e.name === 'flush').length === 2), 'the second vote acknowledged');
  await page.waitForTimeout(500);
  assert.equal(warnings.length, 1, `one warning: ${warnings}`);
  assert.match(warnings[0], /show-progress/);
  assert.equal(await page.locator('swipe-deck [part~=progress]').isVisible(), false);
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});
