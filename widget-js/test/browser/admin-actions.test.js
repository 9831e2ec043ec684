// Acting through the dashboard as a person would, checked through the API: signing in and
// out, a session that ends, rotating and revoking keys (the old key is refused at once),
// editing allowed origins, creating an app, uploading images, and an export from start to download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startHost, launchBrowser, api, eventually } from './harness.js';
import {
  VIEWPORTS, operatorToken, operatorSession, seedVotes, adminPage, signIn, openPage, assertNoAxeViolations, adminScreenshot, statusWith,
} from './admin-support.js';

let host, browser;

before(async () => {
  host = await startHost();
  await seedVotes(host, host.demo.secretKey);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

/** Runs `run(page)` in a fresh context; console errors fail the test, except for HTTP statuses the test provokes. */
async function withPage(run, { viewport = VIEWPORTS.desktop, expectedStatuses = [401] } = {}) {
  const { context, page, problems } = await adminPage(browser, viewport, { expectedStatuses });
  try {
    await run(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/** Creates a throwaway app through the API as the operator (so tests don't spend the demo's keys). */
async function newApp(name, origins = ['https://shop.example']) {
  const response = await (await operatorSession(host)).call('POST', '/v1/admin/apps', { name, allowedOrigins: origins });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

test('a wrong secret is refused with the server\'s reason beside the field; nothing signs in', async () => {
  await withPage(async (page) => {
    await page.goto(`${host.url}/admin`);
    await page.getByLabel('Secret key or operator token').fill('sk_nope_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('#secret-error');
    await assert.doesNotReject(alert.filter({ hasText: /\S/ }).waitFor());
    assert.equal(await page.getByLabel('Secret key or operator token').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('navigation', { name: 'Dashboard pages' }).count(), 0);
    await assertNoAxeViolations(page, 'sign-in error');
    await adminScreenshot(page, 'signin-error-desktop');
  });
});

test('an app owner signs in with the secret key, sees their app, and signs out', async () => {
  await withPage(async (page) => {
    await signIn(page, host, host.demo.secretKey);
    assert.match(await page.locator('.app-context').innerText(), new RegExp(host.demo.appId));
    assert.equal(await page.locator('#app-picker').count(), 0, 'an app owner has no app picker');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#main').getByText('You signed out.').waitFor();
    assert.equal((await page.context().cookies()).filter((c) => c.name === 'swipeloop_admin' && c.value).length, 0);
    // Reloading stays signed out.
    await page.reload();
    await page.getByLabel('Secret key or operator token').waitFor();
  });
});

test('a session that ends (cookie gone) returns to sign-in with a message on the next refresh', async () => {
  await withPage(async (page) => {
    await signIn(page, host, host.demo.secretKey);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.context().clearCookies();
    // The overview refreshes every 5 s; its next call gets 401.
    await page.locator('#main').getByText(/Your session ended/).waitFor({ timeout: 15_000 });
    await page.getByLabel('Secret key or operator token').waitFor();
  });
});

test('the overview follows new votes by itself (every 5 s), without a reload', async () => {
  await withPage(async (page) => {
    await signIn(page, host, host.demo.secretKey);
    // The total only grows (the last minute's count also drops as votes age out of it).
    const total = () => page.evaluate(() => {
      const stat = [...document.querySelectorAll('.stat')].find((s) => s.querySelector('dt').textContent === 'Votes');
      return Number(stat.querySelector('.stat-value').textContent.replace(/,/g, ''));
    });
    await page.locator('.stat-grid').waitFor();
    const before = await total();
    const votes = ['demo-0-0', 'demo-1-0', 'demo-2-0'].map((item) => ({ id: randomUUID(), rater: 'live', kind: 'binary', item, verdict: 'like', dwellMs: 1500 }));
    await api(host, host.demo.secretKey, '/v1/votes', { method: 'POST', body: JSON.stringify({ votes }) });
    await eventually(async () => (await total()) === before + 3, 'the overview to show the new votes', 12_000);
  });
});

test('rotating a secret key shows the new key once; the old key gets 401 from the API at once', async () => {
  const app = await newApp('Rotate me');
  assert.equal(await statusWith(host, app.secretKey, '/v1/stats'), 200);
  await withPage(async (page) => {
    await signIn(page, host, operatorToken(host), '/apps');
    const card = page.getByRole('article', { name: /Rotate me/ });
    await card.getByRole('button', { name: 'Rotate secret key' }).click();
    const confirm = page.getByRole('dialog', { name: /Rotate the secret key of Rotate me/ });
    await confirm.getByRole('button', { name: 'Rotate secret key' }).click();
    const shown = page.getByRole('dialog', { name: /New secret key of Rotate me/ });
    const newKey = await shown.getByLabel('New secret key', { exact: true }).inputValue();
    assert.match(newKey, new RegExp(`^sk_${app.app}_`));
    await assertNoAxeViolations(page, 'new key dialog');
    await adminScreenshot(page, 'apps-new-key-desktop', { fullPage: false });
    assert.equal(await statusWith(host, app.secretKey, '/v1/stats'), 401, 'the old key is refused at once');
    assert.equal(await statusWith(host, newKey, '/v1/stats'), 200, 'the new key works');
    await shown.getByRole('button', { name: 'I have saved it' }).click();
    await shown.waitFor({ state: 'detached' });
  });
});

test('revoking a publishable key: confirmed, shown as revoked, refused by the API at once', async () => {
  const app = await newApp('Revoke me');
  const deck = () => statusWith(host, app.publishableKey, '/v1/deck?rater=r1', { headers: { Origin: 'https://shop.example' } });
  assert.equal(await deck(), 200);
  await withPage(async (page) => {
    await signIn(page, host, operatorToken(host), '/apps');
    const card = page.getByRole('article', { name: /Revoke me/ });
    await card.getByRole('button', { name: 'Revoke publishable key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke publishable key' }).click();
    await page.getByRole('article', { name: /Revoke me/ }).getByText('revoked').first().waitFor();
    assert.equal(await deck(), 401);
  });
});

test('editing allowed origins: a bad one is named and nothing changes; a good one takes effect at once', async () => {
  const app = await newApp('Origins', ['https://old.example']);
  const deckFrom = (origin) => statusWith(host, app.publishableKey, '/v1/deck?rater=r1', { headers: { Origin: origin } });
  assert.equal(await deckFrom('https://new.example'), 403);
  await withPage(async (page) => {
    await signIn(page, host, operatorToken(host), '/apps');
    await page.getByRole('article', { name: /Origins/ }).getByRole('button', { name: 'Edit name and origins' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Origins' });
    await dialog.getByLabel('Allowed origins').fill('https://old.example\nftp://files.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/Origin "ftp:\/\/files\.example": .*scheme/).waitFor();
    await assertNoAxeViolations(page, 'origin error');
    assert.deepEqual((await api(host, app.secretKey, '/v1/admin/apps')).apps[0].allowedOrigins, ['https://old.example'], 'nothing changed');
    await dialog.getByLabel('Allowed origins').fill('https://old.example\nhttps://new.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('article', { name: /Origins/ }).getByText('https://new.example').waitFor();
  }, { expectedStatuses: [401, 400] });
  assert.equal(await deckFrom('https://new.example'), 200);
});

test('the operator creates an app: keys shown once, the app can be picked, its key works', async () => {
  await withPage(async (page) => {
    await signIn(page, host, operatorToken(host), '/apps');
    await page.getByText('Create an app').click();
    await page.getByLabel('Name').fill('Made in the dashboard');
    await page.getByLabel('Allowed origins').fill('https://made.example');
    await page.getByRole('button', { name: 'Create app' }).click();
    const dialog = page.getByRole('dialog', { name: /created/ });
    const secret = await dialog.getByLabel('Secret key', { exact: true }).inputValue();
    assert.equal(await statusWith(host, secret, '/v1/stats'), 200);
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    const appId = /^sk_([^_]+)_/.exec(secret)[1];
    await page.getByLabel('App', { exact: true }).selectOption(appId);
    await openPage(page, 'Overview');
    assert.match(await page.locator('.stat-grid').innerText(), /Votes\s+0/);
  });
});

test('an app owner who rotates their own secret key is signed out and signs in with the new one', async () => {
  const app = await newApp('Self rotate');
  await withPage(async (page) => {
    await signIn(page, host, app.secretKey, '/apps');
    await page.getByRole('button', { name: 'Rotate secret key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret key' }).click();
    const newKey = await page.getByRole('dialog').getByLabel('New secret key', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.locator('#main').getByText('You rotated the secret key you signed in with').waitFor();
    await signIn(page, host, newKey);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });
});

test('uploading an image makes an item that shows in the grid with its prompt and model', async () => {
  const dir = join(host.dataDir, 'demo', 'images');
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.png')));
  await withPage(async (page) => {
    await signIn(page, host, host.demo.secretKey, '/items');
    await page.getByText('Upload images').click();
    const form = page.locator('form.upload-form');
    await form.getByLabel(/^Images/).setInputFiles(file);
    await form.getByLabel('Prompt').fill('a photo from the dashboard');
    await form.getByLabel('Model').fill('camera-1');
    await form.getByRole('button', { name: 'Upload' }).click();
    await page.getByText(/Uploaded 1 image: upload-/).waitFor();
    const card = page.locator('.item-card').filter({ hasText: 'a photo from the dashboard' });
    await card.waitFor();
    assert.match(await card.innerText(), /camera-1/);
    await page.waitForFunction(() => [...document.querySelectorAll('.item-card img')].some((img) => img.src.includes('/media/') && img.complete && img.naturalWidth > 0));
  }, { viewport: VIEWPORTS.phone });
  const items = await api(host, host.demo.secretKey, '/v1/admin/items?q=dashboard');
  assert.equal(items.total, 1);
  assert.match(items.items[0].imageUrl, /^\/media\/[0-9a-f]{64}$/);
});

test('an export runs from the page: progress until done, then the file downloads and is listed with its manifest', async () => {
  await withPage(async (page) => {
    await signIn(page, host, host.demo.secretKey, '/exports');
    await page.getByLabel('Format').selectOption('jsonl');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.locator('.job-progress progress').waitFor();
    const link = page.locator('.job-progress').getByRole('link', { name: /Download/ });
    await link.waitFor({ timeout: 30_000 });
    assert.match(await page.locator('.job-progress').innerText(), /is done/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const body = readFileSync(await download.path(), 'utf8');
    assert.match(body, /demo-0-0/, 'the export holds the votes');
    const row = page.getByRole('row').filter({ hasText: 'jsonl' }).first();
    await row.getByText('done').waitFor();
  });
});
