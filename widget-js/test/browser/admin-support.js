// What the dashboard's browser tests share: a demo host with votes in it, the operator token,
// signing in through the form, axe-core, and screenshots under test-results/admin/.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { ARTIFACTS, api } from './harness.js';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(ARTIFACTS, 'admin');
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

/** The operator token, as `swipeloop demo` prints it beside the demo's keys. */
export function operatorToken(host) {
  const printed = /Operator token:\s+(\S+)/.exec(host.output());
  assert.ok(printed, `the demo printed no operator token:\n${host.output()}`);
  return printed[1];
}

/** The demo deck's 24 items: demo-{prompt 0..7}-{model 0..2}, grouped by prompt. */
const DEMO_ITEMS = Array.from({ length: 24 }, (_, i) => `demo-${Math.floor(i / 3)}-${i % 3}`);

/**
 * Votes through the API, so every chart and table has something to show: four careful raters
 * and one who clicks through in 120 ms (flagged too-fast), like/pass votes that favour the
 * third model, and pair votes within each prompt group. Deterministic.
 */
export async function seedVotes(host, secretKey) {
  const votes = [];
  const raters = ['ann', 'bob', 'cy', 'dee'];
  raters.forEach((rater, r) => DEMO_ITEMS.forEach((item, i) => {
    const model = i % 3;
    const like = (i * 7 + r * 3) % 10 < 3 + model * 2;
    votes.push({ id: randomUUID(), rater, kind: 'binary', item, verdict: like ? 'like' : (i + r) % 7 === 0 ? 'skip' : 'dislike', dwellMs: 1500 + ((i * 37) % 900) });
  }));
  DEMO_ITEMS.slice(0, 12).forEach((item, i) => {
    votes.push({ id: randomUUID(), rater: 'speedy', kind: 'binary', item, verdict: i % 2 ? 'like' : 'dislike', dwellMs: 120 });
  });
  for (let p = 0; p < 8; p++) {
    raters.forEach((rater, r) => {
      votes.push({ id: randomUUID(), rater, kind: 'pair', left: `demo-${p}-2`, right: `demo-${p}-${r % 2}`, choice: (p + r) % 4 ? 'left' : 'right', dwellMs: 2000 });
    });
  }
  await api(host, secretKey, '/v1/votes', { method: 'POST', body: JSON.stringify({ votes }) });
  // A listed profile, so the leaderboard has a name to show once points vest.
  await api(host, secretKey, '/v1/raters/ann/profile', { method: 'PUT', body: JSON.stringify({ displayName: 'Ann', listed: true }) });
  return votes.length;
}

/**
 * A page whose console errors and page errors are collected, except the browser's own line
 * for an HTTP error status that the test expects (e.g. the 401 of "not signed in yet").
 */
export async function adminPage(browser, viewport, { expectedStatuses = [401] } = {}) {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  const problems = [];
  const expected = new RegExp(`status of (${expectedStatuses.join('|')}) `);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(m.text().startsWith('Failed to load resource') && expected.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Opens /admin{path} and signs in through the form. */
export async function signIn(page, host, secret, path = '') {
  await page.goto(`${host.url}/admin${path}`);
  await page.getByLabel('Secret key or operator token').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard pages' }).waitFor();
}

/** Goes to a page through the navigation, as a person would, and waits for its heading. */
export async function openPage(page, title) {
  await page.getByRole('navigation', { name: 'Dashboard pages' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
}

/** axe-core over the whole document: asserts no violation. */
export async function assertNoAxeViolations(page, label) {
  // page.evaluate is not subject to the page's CSP, unlike an injected <script>.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(found, [], `axe violations on ${label}`);
}

/**
 * A screenshot under widget-js/test-results/admin/: the whole page, or only the screen
 * (`fullPage: false`, for a modal dialog, whose backdrop covers the screen only).
 */
export async function adminScreenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Lazy images below the fold would show as empty boxes in a full-page picture.
  await page.evaluate(() => Promise.all([...document.images].map((img) => {
    img.loading = 'eager';
    return img.complete ? null : new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    });
  })));
  // A sticky bar is drawn where the page is scrolled to: scrolled to the top, it is where a person sees it.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Signs in as the operator from node, as the dashboard does: `call(method, path, body)`
 * sends the session cookie and the CSRF token and returns the response.
 */
export async function operatorSession(host) {
  const response = await fetch(`${host.url}/v1/admin/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret: operatorToken(host) }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const { csrfToken } = await response.json();
  const cookie = response.headers.get('set-cookie').split(';')[0];
  return {
    call: (method, path, body) => fetch(host.url + path, {
      method, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  };
}

/** The status of an API call with a key, without throwing. */
export async function statusWith(host, key, path, init = {}) {
  const response = await fetch(host.url + path, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...init.headers } });
  await response.arrayBuffer();
  return response.status;
}
