import { coalesce } from './coalesce.js';
import { fetchProgress, refusedForGood } from './progress-source.js';
import { isRetryable } from './retry-schedule.js';
import { describeProgress } from './progress-text.js';
import { tierToAnnounce } from './milestone-memory.js';
import { h } from './dom.js';
import css from './progress.css';

/** How long "You reached …!" stays. */
const MESSAGE_MS = 6000;
const meters = new WeakMap();
let sheet = null;

/**
 * The entry of the progress chunk, which `<swipe-deck show-progress>` loads on its own
 * (`widget.progress.<hash>.js`), so decks without the meter never download it. The deck
 * calls this at every (re)start; one meter per deck asks for the rater's progress then and
 * after every acknowledged batch of votes.
 * @param {import('./swipe-deck.js').SwipeDeck} deck
 */
export default function showProgress(deck) {
  let meter = meters.get(deck);
  if (!meter) meters.set(deck, (meter = new ProgressMeter(deck)));
  meter.start();
}

/**
 * A bar toward the next milestone, the points as text, and "You reached <tier>!" when the
 * rater reached a tier this browser had not seen for them. It talks to the deck only through
 * its public side: attributes, events and the shadow root's `root` part.
 *
 * Events on the deck (bubbling, composed): `swipe-deck:progress` (detail: the server's
 * progress) on every fresh answer, and `swipe-deck:milestone` ({tier, points}), cancelable:
 * `preventDefault()` keeps the deck's own message from showing.
 */
class ProgressMeter {
  #deck; #node; #bar; #fill; #text; #detail; #message; #ask;
  #who = '';
  /** see refusedForGood: no more requests until the token or the deck changes */
  #refused = false;
  #warned = false;
  #messageTimer = 0;

  constructor(deck) {
    this.#deck = deck;
    this.#ask = coalesce(() => this.#fetch());
    this.#fill = h('div', { class: 'fill', part: 'progress-fill' });
    this.#bar = h('div', { class: 'bar', part: 'progress-bar', role: 'progressbar', 'aria-label': 'Points', 'aria-valuemin': '0' }, this.#fill);
    this.#text = h('span', { part: 'progress-text' });
    this.#detail = h('span', { part: 'progress-detail' });
    // Always in the page while the meter is, even when empty: a live region that appears with
    // its text is often not announced.
    this.#message = h('p', { class: 'milestone', part: 'milestone', 'aria-live': 'polite' });
    this.#node = h('div', { class: 'progress', part: 'progress', hidden: '' },
      this.#bar, h('p', { class: 'line' }, this.#text, this.#detail), this.#message);
    // Points follow committed votes, so each acknowledged batch may have moved them. These
    // listen to the deck itself and live as long as it does.
    deck.addEventListener('swipe-deck:flush', () => this.#ask());
    new MutationObserver((changes) => {
      if (!deck.showProgress) return this.#remove();
      if (changes.some((c) => c.attributeName === 'rater-token')) {
        this.#refused = false;
        this.#ask();
      }
    }).observe(deck, { attributeFilter: ['show-progress', 'rater-token'] });
  }

  /** The deck (re)started: a new key, host or rater shows nothing until its own answer. */
  start() {
    const shadow = this.#deck.shadowRoot;
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    if (!this.#node.isConnected) shadow.querySelector('[part=root]').prepend(this.#node);
    if (this.#who !== identity(this.#deck)) {
      this.#who = identity(this.#deck);
      this.#node.hidden = true;
    }
    this.#refused = false;
    this.#ask();
  }

  async #fetch() {
    const deck = this.#deck;
    if (!deck.isConnected || !deck.showProgress || this.#refused || !deck.key) return;
    const who = identity(deck);
    const { status, progress, problem } = await fetchProgress((...a) => fetch(...a), deck);
    // A deck that changed rater meanwhile has queued its own request already.
    if (who !== this.#who || !deck.showProgress) return;
    if (progress) return this.#show(progress);
    // Offline, 5xx, 429: passing trouble; the meter keeps what it showed and the next batch asks again.
    if (isRetryable(status)) return;
    this.#node.hidden = true;
    this.#refused = refusedForGood(status, problem);
    if (status === 401 && !this.#warned) {
      this.#warned = true;
      console.warn(`<swipe-deck show-progress>: no progress meter: ${problem?.detail || 'the server wants a valid rater-token (401)'}`);
    }
  }

  #show(progress) {
    const { bar, text, valueText, detail } = describeProgress(progress);
    this.#bar.hidden = !bar;
    if (bar) {
      this.#bar.setAttribute('aria-valuenow', bar.now);
      this.#bar.setAttribute('aria-valuemax', bar.max);
      this.#bar.setAttribute('aria-valuetext', valueText);
      this.#fill.style.transform = `scaleX(${bar.fraction})`;
    }
    // With a bar, the bar says it (aria-valuetext): the same words once more would be read twice.
    this.#text.ariaHidden = bar ? 'true' : null;
    this.#text.textContent = text;
    this.#detail.textContent = detail;
    this.#node.hidden = false;
    this.#emit('progress', progress);
    const tier = tierToAnnounce(storage(), `swipeloop:tier:${this.#who}`, progress);
    if (tier && this.#emit('milestone', { tier, points: progress.points }, true)) this.#say(`You reached ${tier}!`);
  }

  #say(message) {
    clearTimeout(this.#messageTimer);
    this.#message.textContent = message;
    this.#messageTimer = setTimeout(() => (this.#message.textContent = ''), MESSAGE_MS);
  }

  #remove() {
    clearTimeout(this.#messageTimer);
    this.#message.textContent = '';
    this.#node.hidden = true;
    this.#node.remove();
    this.#who = '';
  }

  #emit(name, detail, cancelable = false) {
    return this.#deck.dispatchEvent(new CustomEvent(`swipe-deck:${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }
}

/** Whose progress the meter shows: one rater of one app on one server. */
function identity(deck) {
  return `${deck.host}|${deck.key}|${deck.rater}`;
}

/** localStorage, or null where the page may not use it. */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
