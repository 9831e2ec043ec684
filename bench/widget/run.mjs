// Widget speed, measured in Debian's Chromium against the real host (see bench/RESULTS.md).
//   node bench/widget/run.mjs [rounds=3] [loads=15]
// Needs the distribution (./swipeloop builds it) and widget-js/node_modules (npm ci in widget-js).
//
// 1. First card: ms from the end of the /v1/deck response to the first card on screen, and to
//    its image painted (marks set by the page, in the frame after each happened).
//    Baseline, same run: a hand-written page that fetches the same deck and shows its first
//    card (image, caption, four buttons) with no widget at all, measured the same way.
// 2. Drag: a one-second mouse drag of the top card (60 moves, one per frame). Frames painted
//    per second during the drag, and the layouts and style recalculations Chromium counted
//    (CDP Performance.getMetrics). Baseline: the same drag over an empty page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, startPageServer, createApp, pushItems, launchBrowser, deck } from '../../widget-js/test/browser/harness.js';

const rounds = Number(process.argv[2] || 3);
const loads = Number(process.argv[3] || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = mkdtempSync(join(tmpdir(), 'swipeloop-bench-widget-'));
const pages = await startPageServer({ imageDir: join(dataDir, 'demo', 'images') });
const app = createApp(dataDir, pages.origin, 'Widget bench');
const host = await startHost({ dataDir });
await pushItems(host, app.secretKey, 200, { imageBase: `${pages.origin}/images` });
const browser = await launchBrowser();

// Each page reports its own timings on the console. Playwright is not asked to evaluate
// anything in it: its injected helper script takes ~70 ms of the main thread on this machine,
// and would land in the middle of what is measured.
const REPORTER = `<script>
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('swipe-deck:first-card').length) return;
    observer.disconnect();
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const deckResponse = performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/deck')).responseEnd;
    console.log('BENCH ' + JSON.stringify({ card: at('card-rendered') - deckResponse, image: at('swipe-deck:first-card') - deckResponse }));
  }).observe({ type: 'mark' });
</script>`;
const widgetPage = pages.page('/widget', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${REPORTER}</head><body>
<swipe-deck key="${app.publishableKey}"></swipe-deck><script src="${host.url}/widget.js"></script>
<script>
  // The card is on screen (before its image arrives) in the frame after it enters the shadow
  // tree; its image is painted in the frame after the image loaded.
  new MutationObserver((changes, observer) => {
    const image = document.querySelector('swipe-deck').shadowRoot.querySelector('.card.top img');
    if (!image) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark('card-rendered'));
    const painted = () => requestAnimationFrame(() => performance.mark('swipe-deck:first-card'));
    if (image.complete) painted();
    else image.addEventListener('load', painted, { once: true });
  }).observe(document.querySelector('swipe-deck').shadowRoot, { childList: true, subtree: true });
</script></body></html>`);
// The least a page can do to show the same first card: draw the frame (a placeholder and four
// buttons, in the same font) while it fetches the deck, then one image and its caption, with
// no framework and no widget.
const baselinePage = pages.page('/baseline', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<style>body { font: 500 15px/1.4 system-ui, sans-serif } img { width: 420px; height: 560px; object-fit: cover; display: block }</style>${REPORTER}</head><body>
<figure id="card">Loading…</figure><div>${['Pass', 'Skip', 'Undo', 'Like'].map((label) => `<button>${label}</button>`).join('')}</div><script>
  const rater = 'bench-' + Math.random();
  fetch('${host.url}/v1/deck?limit=10&mode=binary&rater=' + rater, { headers: { Authorization: 'Bearer ${app.publishableKey}' } })
    .then((r) => r.json()).then(({ cards }) => {
      const img = new Image();
      img.onload = () => requestAnimationFrame(() => performance.mark('swipe-deck:first-card'));
      img.src = cards[0].item.imageUrl;
      const caption = document.createElement('figcaption');
      caption.textContent = cards[0].item.prompt;
      document.getElementById('card').replaceChildren(img, caption);
      requestAnimationFrame(() => performance.mark('card-rendered'));
    });
</script></body></html>`);
const emptyPage = pages.page('/empty', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body><div style="width:420px;height:560px"></div></body></html>');

/**
 * ms from the deck response's end to the card on screen, and to its image painted, for one
 * page load. The tab is reused (as when a visitor moves around a site): a new browser
 * process per load measures process start-up on a 2-core machine more than the page.
 */
async function firstCard(page, url) {
  const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('BENCH '), timeout: 15_000 });
  await page.goto(url);
  return JSON.parse((await report).text().slice(6));
}

/** Frames per second and Chromium's layout / style counts during a one-second drag. */
async function drag(url, withDeck) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  if (withDeck) await deck.ready(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const box = withDeck ? await page.locator('swipe-deck .card.top').boundingBox() : { x: 0, y: 0, width: 420, height: 560 };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 2, y, { steps: 2 }); // the drag has started: what follows is steady state
  await page.evaluate(() => {
    window.frames_ = 0;
    const count = () => { window.frames_++; if (!window.stop_) requestAnimationFrame(count); };
    requestAnimationFrame(count);
  });
  const metric = (all, name) => all.metrics.find((m) => m.name === name).value;
  const before = await cdp.send('Performance.getMetrics');
  const started = Date.now();
  for (let i = 1; i <= 60; i++) {
    // Back and forth under the throw threshold, so the card follows the pointer the whole second.
    await page.mouse.move(x + 100 * Math.sin((i / 60) * Math.PI * 2), y + 10 * Math.cos(i / 9));
    await page.waitForTimeout(Math.max(0, started + (i * 1000) / 60 - Date.now()));
  }
  const after = await cdp.send('Performance.getMetrics');
  const elapsed = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => { window.stop_ = true; return window.frames_; });
  await page.mouse.up();
  await context.close();
  return {
    fps: frames / elapsed,
    layouts: metric(after, 'LayoutCount') - metric(before, 'LayoutCount'),
    styles: metric(after, 'RecalcStyleCount') - metric(before, 'RecalcStyleCount'),
  };
}

const rows = [];
for (let round = 1; round <= rounds; round++) {
  const widget = [];
  const baseline = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await firstCard(tab, widgetPage); // warm-up: the first load of a round also starts the renderer
  await firstCard(tab, baselinePage);
  for (let i = 0; i < loads; i++) {
    widget.push(await firstCard(tab, widgetPage));
    baseline.push(await firstCard(tab, baselinePage));
  }
  await context.close();
  const dragWidget = await drag(widgetPage, true);
  const dragEmpty = await drag(emptyPage, false);
  const row = {
    round,
    cardMs: median(widget.map((w) => w.card)),
    baselineCardMs: median(baseline.map((b) => b.card)),
    imageMs: median(widget.map((w) => w.image)),
    baselineImageMs: median(baseline.map((b) => b.image)),
    dragFps: dragWidget.fps,
    emptyFps: dragEmpty.fps,
    dragLayouts: dragWidget.layouts,
    dragStyles: dragWidget.styles,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
const m = (k) => median(rows.map((r) => r[k]));
console.log('\nmedians over %d rounds (%d page loads each for first card):', rounds, loads);
console.log('card on screen after the deck response: widget %s ms, baseline %s ms (ratio %s)', m('cardMs').toFixed(1), m('baselineCardMs').toFixed(1), (m('cardMs') / m('baselineCardMs')).toFixed(2));
console.log('its image painted:                    widget %s ms, baseline %s ms (ratio %s)', m('imageMs').toFixed(1), m('baselineImageMs').toFixed(1), (m('imageMs') / m('baselineImageMs')).toFixed(2));
console.log('one-second drag: %s fps with the widget, %s fps over an empty page (ratio %s); %d layouts, %d style recalcs in that second',
  m('dragFps').toFixed(1), m('emptyFps').toFixed(1), (m('dragFps') / m('emptyFps')).toFixed(2), m('dragLayouts'), m('dragStyles'));
await browser.close();
await host.stop();
await pages.close();
