// The dashboard, page by page, at phone and desktop widths (and dark at desktop): signed in as
// the operator with votes, an upload and a finished export in the app, every page shows its
// data, axe-core finds no violation (dialogs and the rater report included), and a screenshot
// of each is kept under widget-js/test-results/admin/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, launchBrowser, api, eventually } from './harness.js';
import {
  VIEWPORTS, operatorToken, seedVotes, adminPage, signIn, openPage, assertNoAxeViolations, adminScreenshot,
} from './admin-support.js';

let host, browser;

before(async () => {
  host = await startHost();
  const key = host.demo.secretKey;
  await seedVotes(host, key);
  const image = readdirSync(join(host.dataDir, 'demo', 'images')).find((f) => f.endsWith('.png'));
  const media = await fetch(`${host.url}/v1/media`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: readFileSync(join(host.dataDir, 'demo', 'images', image)) }).then((r) => r.json());
  await api(host, key, '/v1/items', { method: 'POST', body: JSON.stringify({ items: [{ id: 'uploaded-1', imageUrl: new URL(media.url).pathname, prompt: 'an uploaded picture', model: 'hand-made' }] }) });
  const job = await api(host, key, '/v1/exports', { method: 'POST', body: JSON.stringify({ format: 'jsonl' }) });
  await eventually(async () => (await api(host, key, `/v1/exports/jobs/${job.id}`)).state === 'done', 'the seeded export');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

/** What each page must show once loaded, checked before axe runs and the screenshot is taken. */
const PAGES = [
  ['overview', 'Overview', async (page) => {
    await page.locator('figure.chart svg.chart-svg').nth(1).waitFor();
    assert.match(await page.locator('.stat-grid').innerText(), /Votes\s+1\d\d/);
  }],
  ['items', 'Items', async (page) => {
    await page.locator('.item-card').first().waitFor();
    assert.match(await page.getByRole('status').filter({ hasText: 'Showing' }).innerText(), /of 25 items/);
  }],
  ['rankings', 'Rankings', async (page) => {
    await page.locator('#models-title ~ .stack svg.chart-svg').waitFor();
    assert.ok(await page.locator('svg .row-label', { hasText: 'wave-turbo' }).isVisible(), 'models are ranked');
  }],
  ['raters', 'Raters', async (page) => {
    await page.getByRole('button', { name: 'speedy' }).first().waitFor();
    assert.ok(await page.getByText('too-fast').first().isVisible(), 'the fast rater is flagged with the reason');
  }],
  ['apps', 'Apps and keys', async (page) => {
    await page.getByRole('heading', { level: 2, name: /Swipeloop demo/ }).waitFor();
  }],
  ['plugins', 'Plugins', async (page) => {
    await page.getByRole('heading', { level: 2, name: /export-text/ }).waitFor();
    assert.ok(await page.getByText('STARTED').first().isVisible());
  }],
  ['exports', 'Exports', async (page) => {
    await page.getByRole('link', { name: /Download .*jsonl/ }).first().waitFor();
  }],
];

const VARIANTS = [
  ['phone', VIEWPORTS.phone, 'light'],
  ['desktop', VIEWPORTS.desktop, 'light'],
  ['desktop-dark', VIEWPORTS.desktop, 'dark'],
];

for (const [name, viewport, scheme] of VARIANTS) {
  test(`every page at ${name}: shows its data, no axe violations, screenshots`, async () => {
    const { context, page, problems } = await adminPage(browser, viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${host.url}/admin`);
    await page.getByLabel('Secret key or operator token').waitFor();
    await assertNoAxeViolations(page, `sign-in ${name}`);
    await adminScreenshot(page, `signin-${name}`);
    await signIn(page, host, operatorToken(host));

    for (const [id, title, shows] of PAGES) {
      await openPage(page, title);
      assert.equal(new URL(page.url()).pathname, `/admin/${id}`);
      await shows(page);
      await assertNoAxeViolations(page, `${id} ${name}`);
      await adminScreenshot(page, `${id}-${name}`);
      // Nothing may stick out sideways on a phone: the page scrolls down, never across.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${id} at ${name} is ${overflow}px wider than the screen`);
    }

    await openPage(page, 'Items');
    await page.getByLabel('Show as').selectOption('table');
    await page.locator('table.item-table').waitFor();
    await assertNoAxeViolations(page, `items table ${name}`);
    await adminScreenshot(page, `items-table-${name}`);

    await openPage(page, 'Raters');
    await page.getByRole('button', { name: 'speedy' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Rater speedy' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.rater-detail .loading'));
    await assertNoAxeViolations(page, `rater report ${name}`);
    await adminScreenshot(page, `rater-detail-${name}`);

    await openPage(page, 'Apps and keys');
    await page.getByRole('button', { name: 'Rotate secret key' }).first().click();
    await page.getByRole('dialog').waitFor();
    await assertNoAxeViolations(page, `rotate dialog ${name}`);
    await adminScreenshot(page, `apps-dialog-${name}`, { fullPage: false });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await openPage(page, 'Exports');
    // The operator's download link names the app in its query (a link sends no custom header).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download .*jsonl/ }).first().click()]);
    assert.equal(await download.failure(), null);
    assert.match(readFileSync(await download.path(), 'utf8'), /demo-0-0/);
    await page.getByRole('button', { name: /Manifest of export/ }).first().click();
    await page.getByRole('dialog').waitFor();
    assert.match(await page.locator('pre.manifest').innerText(), /"format": "jsonl"/);
    await assertNoAxeViolations(page, `manifest dialog ${name}`);
    await page.getByRole('button', { name: 'Close' }).click();

    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an unknown page says so and links back; reload keeps the page and its state', async () => {
  // The server answers an unknown page with the dashboard and 404, which the browser logs.
  const { context, page, problems } = await adminPage(browser, VIEWPORTS.desktop, { expectedStatuses: [401, 404] });
  await signIn(page, host, host.demo.secretKey, '/nope');
  await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.goto(`${host.url}/admin/items?sort=votes&view=table`);
  await page.locator('table.item-table').waitFor();
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'votes');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
