// Shared set-up of the browser tests: the real host from the built distribution (SQLite,
// demo deck), a separate page server on another origin (where an app embeds the widget),
// and Debian's Chromium driven by playwright-core. Nothing is mocked: votes are counted by
// reading them back from the host's API.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const WIDGET_ROOT = join(HERE, '..', '..');
export const DIST = process.env.SWIPELOOP_DIST || join(WIDGET_ROOT, '..', 'host-server', 'target', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(WIDGET_ROOT, 'test-results');

/** Runs the host's command line once (e.g. `apps create`) and returns its stdout. */
export function hostCli(args) {
  const run = spawnSync('java', ['-Dswipeloop.home=' + DIST, '-cp', join(DIST, 'lib', '*'), 'dev.swipeloop.host.Main', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`swipeloop ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/**
 * Starts `swipeloop demo` on `dataDir` (a fresh temporary one by default) and resolves once
 * it printed its URL. `port` 0 picks a free port; pass the old port to restart "the same server".
 */
export async function startHost({ dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-widget-')), port = 0 } = {}) {
  if (!existsSync(join(DIST, 'lib'))) throw new Error(`no host distribution at ${DIST}: build it first (mvn -DskipTests package)`);
  const child = spawn('java', ['-Xmx256m', '-Dswipeloop.home=' + DIST, '-cp', join(DIST, 'lib', '*'), 'dev.swipeloop.host.Main',
    'demo', '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const match = /Swipeloop is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo', 'demo-app.json'), 'utf8'));
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { url, port: Number(new URL(url).port), dataDir, demo, stop, output: () => output };
}

/** Calls the host's API with a key; returns the parsed JSON body (throws on non-2xx). */
export async function api(host, key, path, init = {}) {
  const response = await fetch(host.url + path, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method || 'GET'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Every vote of the app, read back through the cursor API. */
export async function storedVotes(host, secretKey) {
  const votes = [];
  for (let after = 0; ;) {
    const page = await api(host, secretKey, `/v1/votes?after=${after}&limit=1000`);
    votes.push(...page.votes);
    if (page.next == null) return votes;
    after = page.next;
  }
}

/** Waits until `check()` returns a truthy value (polling), or fails with `what`. */
export async function eventually(check, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * A static server on its own origin for test pages (an app's site embedding the widget).
 * `pages` maps a path to HTML; `{{HOST}}` and `{{KEY}}` etc. are filled by the caller.
 */
export async function startPageServer({ imageDir } = {}) {
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    // The app's own image CDN: images stay reachable while the Swipeloop host is down.
    if (imageDir && /^\/images\/[\w.-]+\.png$/.test(path)) {
      return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(readFileSync(join(imageDir, path.slice(8))));
    }
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(page.headers || {}) }).end(page.html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    page(path, html, headers) {
      pages.set(path, { html, headers });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Reads a page template from pages/ and fills its {{NAME}} slots. */
export function template(name, values) {
  return readFileSync(join(HERE, 'pages', name), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`page ${name} needs ${k}`);
    return values[k];
  });
}

/**
 * An app whose allowed origin is the page server, with its own items pointing at the demo
 * images the host serves. Made with the real CLI before the host starts (it owns the data dir).
 */
export function createApp(dataDir, origin, name = 'Widget tests') {
  return JSON.parse(hostCli(['apps', 'create', '--name', name, '--origin', origin, '--data', dataDir]));
}

/** Upserts `count` items for an app (images: the host's demo images, or the same files under `imageBase`); returns their ids. */
export async function pushItems(host, secretKey, count, { groups = 0, prefix = 'item', imageBase = `${host.url}/demo/images` } = {}) {
  const images = readdirSync(join(host.dataDir, 'demo', 'images')).filter((f) => f.endsWith('.png')).sort();
  const items = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    imageUrl: `${imageBase}/${images[i % images.length]}`,
    prompt: `test prompt ${i}`,
    model: i % 2 ? 'model-a' : 'model-b',
    ...(groups ? { group: `g${i % groups}` } : {}),
  }));
  await api(host, secretKey, '/v1/items', { method: 'POST', body: JSON.stringify({ items }) });
  return items.map((i) => i.id);
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium); ./swipeloop test installs it`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A page that fails the test on any console error, page error or CSP violation. */
export async function strictPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return { context, page, problems };
}

/** Saves a screenshot under widget-js/test-results/ (kept as a CI artifact). */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A mouse drag from (x, y) through `path` ([dx, dy, ms] after the press), released at the
 * last point, sent through CDP with explicit event times. Playwright's mouse takes as long as
 * a loaded machine makes it, and swipe speed is part of what is tested.
 */
export async function timedDrag(page, x, y, path) {
  const cdp = await page.context().newCDPSession(page);
  const at = Date.now() / 1000;
  const send = (type, [dx, dy, ms]) => cdp.send('Input.dispatchMouseEvent', {
    type, x: x + dx, y: y + dy, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, timestamp: at + ms / 1000,
  });
  await send('mousePressed', [0, 0, 0]);
  for (const point of path) await send('mouseMoved', point);
  await send('mouseReleased', path[path.length - 1]);
  await cdp.detach();
}

/** The deck's shadow root helpers, evaluated in the page. */
export const deck = {
  /**
   * Waits until the top card can be judged: its images loaded and the deck has taken note
   * (the answer buttons are enabled). An image can be complete a moment before its load
   * event reaches the deck, and a key pressed in that moment is rightly refused.
   */
  async ready(page, selector = 'swipe-deck') {
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      const imgs = root ? [...root.querySelectorAll('.card.top img')] : [];
      const answer = root?.querySelector('[data-answer=like], [data-answer=tie]');
      return imgs.length && imgs.every((i) => i.complete && i.naturalWidth > 0) && answer?.getAttribute('aria-disabled') === 'false';
    }, selector);
  },
  /** Captions of the top card: [prompt] in binary mode, [left, right] in pair mode. */
  async shown(page, selector = 'swipe-deck') {
    return page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      return [...root.querySelectorAll('.card.top figcaption')].map((c) => c.textContent);
    }, selector);
  },
  async box(page, part, selector = 'swipe-deck') {
    const handle = await page.evaluateHandle(([sel, p]) => document.querySelector(sel).shadowRoot.querySelector(p), [selector, part]);
    return handle.asElement().boundingBox();
  },
};
