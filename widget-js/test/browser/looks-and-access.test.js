// What people see and what assistive technology reads: axe-core finds no violation in
// either mode, light or dark; screenshots at phone and desktop widths are kept in
// widget-js/test-results/ for a human to look at. Also the size budget of what the widget loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, strictPage, template, deck, screenshot } from './harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZE_BUDGET = 8 * 1024;
let host, pages, app, browser;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-looks-'));
  pages = await startPageServer();
  app = createApp(dataDir, pages.origin);
  host = await startHost({ dataDir });
  await pushItems(host, app.secretKey, 40, { groups: 8 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await pages?.close();
});

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

for (const mode of ['binary', 'pair']) {
  for (const scheme of ['light', 'dark']) {
    test(`${mode} mode, ${scheme}: no axe violations; screenshots at phone and desktop width`, async () => {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const { context, page, problems } = await strictPage(browser, { viewport, colorScheme: scheme, isMobile: size === 'phone', hasTouch: size === 'phone' });
        await page.goto(pages.page(`/${mode}-${scheme}-${size}`, template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: mode })));
        await deck.ready(page);
        await page.locator('swipe-deck .stage').focus();
        await screenshot(page, `${mode}-${scheme}-${size}`);
        // page.evaluate is not subject to the page's CSP, unlike an injected <script>.
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        assert.deepEqual(found, [], `axe violations in ${mode}/${scheme}/${size}`);
        const box = await page.locator('swipe-deck .stage').boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `the deck fits the ${size} width`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
  }
}

test(`everything the widget loads is at most ${SIZE_BUDGET} bytes minified and gzipped`, async () => {
  const { context, page } = await strictPage(browser, { viewport: SIZES.desktop });
  const loaded = [];
  page.on('requestfinished', async (request) => {
    if (request.url().startsWith(host.url) && ['script', 'stylesheet', 'font', 'fetch', 'xhr'].includes(request.resourceType())) loaded.push(request);
  });
  await page.goto(pages.page('/size', template('embed.html', { HOST: host.url, KEY: app.publishableKey, MODE: 'binary' })));
  await deck.ready(page);
  const code = loaded.filter((r) => r.resourceType() !== 'fetch' && r.resourceType() !== 'xhr');
  assert.deepEqual(code.map((r) => new URL(r.url()).pathname), ['/widget.js'], 'the widget loads one script and nothing else of its own');
  const body = await (await code[0].response()).body();
  const gzipped = gzipSync(body, { level: 9 }).length;
  console.log(`widget.js: ${body.length} bytes minified, ${gzipped} gzipped (budget ${SIZE_BUDGET})`);
  assert.ok(gzipped <= SIZE_BUDGET, `widget.js is ${gzipped} bytes gzipped, over the ${SIZE_BUDGET} budget`);
  await context.close();
});
