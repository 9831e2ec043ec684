import { CardView, BROKEN } from './card-view.js';
import { DeckSource } from './deck-source.js';
import { VoteQueue } from './vote-queue.js';
import { VoteSender } from './vote-sender.js';
import { uuidv7 } from './uuidv7.js';
import { h } from './dom.js';
import css from './styles.css';

const ATTRIBUTES = ['key', 'host', 'rater', 'rater-token', 'mode', 'labels', 'limit', 'show-progress'];
const REFILL_BELOW = 3;
let sheet = null;

/**
 * `<swipe-deck key="pk_…">`: judges images by swiping (binary) or by picking the better of
 * two (pair). Every decision becomes a vote in a persistent queue before the card leaves,
 * and leaves the queue only when the server acknowledged it.
 *
 * Events (bubbling, composed): `swipe-deck:vote` (cancelable; detail {vote}),
 * `swipe-deck:flush` ({sent, accepted, duplicates, pending}), `swipe-deck:empty`,
 * `swipe-deck:error` ({source, status, problem, message, retrying}).
 */
export class SwipeDeck extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  /** The origin the script came from: the default `host`. */
  static defaultHost = location.origin;

  #generation = 0;
  #cards = [];
  #history = [];
  #decided = 0;
  #exhausted = false;
  #failure = null;
  #loading = null;
  #waitForFlush = false;
  #session = '';
  #stage; #actions; #live; #root; #view; #source; #queue; #sender; #statusNode;
  #emptied = false;
  #listening = null;

  static define(tag = 'swipe-deck', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Settings without an attribute: `holdMs` (undo window), `batchSize`, `retry` ({baseMs, maxMs}). */
  options = {};

  get key() { return this.getAttribute('key') || ''; }
  set key(v) { this.setAttribute('key', v); }
  get host() { return (this.getAttribute('host') || SwipeDeck.defaultHost).replace(/\/+$/, ''); }
  set host(v) { this.setAttribute('host', v); }
  get rater() { return this.getAttribute('rater') || anonymousRater(); }
  set rater(v) { this.setAttribute('rater', v); }
  get raterToken() { return this.getAttribute('rater-token'); }
  set raterToken(v) { this.setAttribute('rater-token', v); }
  get mode() { return this.getAttribute('mode') === 'pair' ? 'pair' : 'binary'; }
  set mode(v) { this.setAttribute('mode', v); }
  get labels() {
    const [like, pass] = (this.getAttribute('labels') || '').split(',').map((s) => s.trim());
    return [like || 'Like', pass || 'Pass'];
  }
  set labels(v) { this.setAttribute('labels', Array.isArray(v) ? v.join(',') : v); }
  get limit() { return Math.max(0, this.getAttribute('limit') | 0); }
  set limit(v) { this.setAttribute('limit', String(v)); }
  get showProgress() { return this.hasAttribute('show-progress'); }
  set showProgress(v) { this.toggleAttribute('show-progress', !!v); }
  /** Votes not yet acknowledged by the server. */
  get pending() { return this.#queue?.size ?? 0; }

  connectedCallback() {
    if (!this.#root) this.#build();
    this.#listen(true);
    this.#restart();
  }

  disconnectedCallback() {
    this.#listen(false);
    this.#view.destroy();
    this.#sender.flush();
  }

  attributeChangedCallback(name, before, after) {
    // During an upgrade this runs for every attribute before connectedCallback has built the deck.
    if (!this.#root || !this.isConnected || before === after) return;
    if (name === 'rater-token' && this.#sender?.paused) this.#sender.flush();
    if (name !== 'rater-token' || this.#failure) this.#restart();
  }

  /** Like / pass / skip (binary) or left / right / tie / skip (pair) the card on top. */
  decide(answer) {
    const card = this.#cards[0];
    const button = [...this.#actions.children].find((b) => b.dataset.answer === answer);
    if (!card || !button || answer === 'undo' || this.limit && this.#decided >= this.limit) return false;
    // Only what was seen can be judged: a card still loading, or broken (announced when it broke), can only be skipped.
    if (answer !== 'skip' && card.state !== 'loaded') return false;
    const vote = this.#vote(card, answer);
    if (!this.#emit('vote', { vote }, true)) return false;
    this.#queue.add(vote);
    this.#sender.schedule();
    this.#source.seen.add(card.key);
    this.#history.push({ card, id: vote.id });
    this.#decided++;
    this.#cards.shift();
    if (this.shadowRoot.activeElement?.closest('.card')) this.#stage.focus(); // a chosen side button leaves with its card
    this.#view.leave(card, answer);
    // The outcome in the words of its button ("Smash: a cat astronaut"); buttons carry words, not symbols a screen reader would spell out.
    this.#say(`${button.textContent}${card.items[1] ? '' : `: ${card.items[0].prompt}`}`);
    this.#show();
    return true;
  }

  /** Takes back the last decision while its vote is still queued here. */
  undo() {
    const last = this.#history[this.#history.length - 1];
    if (!last) return this.#say('Nothing to undo.');
    if (this.#sender.attempted.has(last.id) || !this.#queue.remove(last.id)) {
      this.#history.length = 0; // everything before it has been sent too
      return this.#say('Too late: already sent.');
    }
    this.#history.pop();
    this.#decided--;
    this.#source.seen.delete(last.card.key);
    last.card.shownAt = undefined;
    this.#cards.unshift(last.card);
    this.#show();
    this.#say('Undone.');
  }

  /** Sends every queued vote now; resolves when the attempt is over. */
  flush() {
    return Promise.resolve(this.#sender?.flush());
  }

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    // A constructed sheet needs no inline <style>, so the deck works under a strict CSP;
    // one sheet is shared by every deck on the page.
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    this.#stage = h('div', { class: 'stage', part: 'stage', tabindex: '0', role: 'group' });
    this.#actions = h('div', { class: 'actions', part: 'actions' });
    this.#live = h('div', { class: 'sr', role: 'status', part: 'announcer' });
    this.#root = h('div', { class: 'root', part: 'root' }, this.#stage, this.#actions, this.#live);
    shadow.append(this.#root);
    this.#root.addEventListener('keydown', (e) => this.#onKey(e));
    this.#actions.addEventListener('click', (e) => {
      const button = e.target.closest('button');
      if (!button) return;
      if (button.getAttribute('aria-disabled') !== 'true') this.#press(button.dataset.answer);
    });
  }

  /** Page-level listeners live while the deck is in the document; `#listen(false)` removes them. */
  #listen(on) {
    this.#listening?.abort();
    this.#listening = on ? new AbortController() : null;
    if (!on) return;
    addEventListener('pagehide', () => this.#sender.sendOnExit(), this.#listening);
    document.addEventListener('visibilitychange', () => document.hidden && this.#sender.flush(), this.#listening);
  }

  #restart() {
    const generation = ++this.#generation;
    this.#view?.destroy();
    this.#cards = [];
    this.#history = [];
    this.#decided = 0;
    this.#exhausted = false;
    this.#failure = null;
    this.#loading = null;
    this.#emptied = false;
    this.#waitForFlush = false;
    this.#session = uuidv7();
    this.#renderActions();
    this.#stage.classList.toggle('pair-stage', this.mode === 'pair');
    this.#stage.setAttribute('aria-label', this.mode === 'pair' ? 'Pick the better image' : 'Rate this image');
    this.#view = new CardView(this.#stage, {
      decide: (answer) => this.decide(answer),
      imageState: (card) => this.#imageState(card),
      labels: () => this.labels,
      reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)').matches,
    });
    this.#connectQueue();
    // The deck is its own target: host, key, rater, raterToken and mode, as they are at each request.
    this.#source = new DeckSource(() => this, {
      retry: this.options.retry,
      onRetry: (d) => generation === this.#generation && this.isConnected && this.#emit('error', { source: 'deck', ...d, retrying: true, message: 'Deck failed; retrying.' }),
    });
    // Cards whose votes are still queued here (a reload, a restart) are judged already.
    for (const { vote: v } of this.#queue.entries()) this.#source.seen.add(v.item ?? [v.left, v.right].sort().join('\n'));
    // No event for a missing key: the deck itself says what to do, where the developer looks.
    if (!this.key) this.#failure = new Error('Set key to the app\'s pk_ key.');
    // The meter is a module of its own (PROGRESS_CHUNK, its hashed file name, comes from build.mjs),
    // so decks without it never load it. A module that fails to load says so in the console.
    if (this.showProgress) import(`${this.host}/${PROGRESS_CHUNK}`).then((m) => m.default(this));
    this.#show();
  }

  #connectQueue() {
    const { host, key } = this; // a queue belongs to one app on one server, whatever the attributes become
    const name = `swipeloop:queue:${host}|${key}`;
    if (this.#queue && this.#queue.name === name) return;
    this.#sender?.disarm();
    this.#queue = new VoteQueue(storage(), name);
    this.#sender = new VoteSender({
      ...this.options, // holdMs, batchSize, retry
      queue: this.#queue,
      target: () => ({ url: `${host}/v1/votes`, key, raterToken: this.raterToken, rater: this.rater }),
      onFlush: (d) => {
        this.#emit('flush', d);
        if (this.#waitForFlush) {
          this.#waitForFlush = false;
          this.#show();
        }
      },
      onError: (d) => this.#emit('error', { source: 'votes', message: d.problem?.detail || 'Votes not sent yet.', ...d }),
    });
    this.#sender.schedule(); // votes left by an earlier visit
  }

  /** Draws the current state, and fetches more cards when the stack runs low. */
  #show() {
    if (!this.isConnected) return;
    const done = this.limit && this.#decided >= this.limit;
    const cards = done ? [] : this.#cards;
    const top = cards[0];
    this.#view.render(cards);
    if (top?.state === 'loaded') top.shownAt ??= performance.now();
    for (const b of this.#actions.children) {
      // aria-disabled, not disabled: a disabled button drops keyboard focus between two cards.
      b.setAttribute('aria-disabled', b.dataset.answer === 'undo' ? !this.#history.length : !top || (b.dataset.answer !== 'skip' && top.state !== 'loaded'));
    }
    if (!done && cards.length < REFILL_BELOW) this.#refill();
    const over = !top && !this.#failure && (done || (this.#exhausted && !this.#loading));
    this.#status(top ? null : this.#failure ? ['Could not load the deck', this.#failure.message] : over ? ['That\'s all for now. Thanks!'] : ['Loading…']);
    if (over && !this.#emptied) this.#emit('empty', { decided: this.#decided });
    this.#emptied = over;
  }

  #refill() {
    if (this.#loading || this.#exhausted || this.#failure || this.#waitForFlush || !this.key) return;
    const generation = this.#generation;
    const onStack = new Set(this.#cards.map((c) => c.key));
    this.#loading = this.#source.next(onStack).then(({ cards, exhausted }) => {
      if (generation !== this.#generation) return;
      cards.forEach((c) => (c.state = 'loading'));
      this.#cards.push(...cards);
      if (!cards.length) {
        // Nothing new: either the server has no more, or what it has is still in our queue.
        if (exhausted || !this.#queue.size) this.#exhausted = true;
        else this.#waitForFlush = true;
      }
    }, (error) => {
      if (generation !== this.#generation) return;
      this.#failure = error;
      this.#emit('error', { source: 'deck', ...error, message: error.message, retrying: false }); // a DeckError's own status and problem
    }).finally(() => {
      if (generation !== this.#generation) return;
      this.#loading = null;
      this.#show();
    });
  }

  #imageState(card) {
    if (card !== this.#cards[0]) return;
    if (card.state === 'broken') this.#say(BROKEN);
    this.#show();
  }

  #vote(card, answer) {
    const dwell = card.shownAt === undefined ? undefined : Math.round(performance.now() - card.shownAt);
    const [a, b] = card.items;
    return {
      id: uuidv7(), rater: this.rater, session: this.#session,
      ...(b ? { kind: 'pair', left: a.id, right: b.id, choice: answer } : { kind: 'binary', item: a.id, verdict: answer }),
      dwellMs: dwell, clientTs: new Date().toISOString(),
    };
  }

  #renderActions() {
    const [like, pass] = this.labels;
    const button = (answer, text, keys, cls) => h('button', { type: 'button', class: cls, part: `button ${answer}-button`, 'data-answer': answer, 'aria-keyshortcuts': keys }, text);
    const buttons = this.mode === 'pair'
      ? [button('left', 'Left', 'ArrowLeft', 'side-button'), button('tie', 'Tie', 'ArrowDown'), button('skip', 'Skip', 'Space'), button('undo', 'Undo', 'Z Backspace'), button('right', 'Right', 'ArrowRight', 'side-button')]
      : [button('dislike', pass, 'ArrowLeft', 'pass'), button('skip', 'Skip', 'Space'), button('undo', 'Undo', 'Z Backspace'), button('like', like, 'ArrowRight', 'like')];
    this.#actions.replaceChildren(...buttons);
  }

  #status(lines) {
    this.#statusNode?.remove();
    this.#statusNode = null;
    if (!lines) return;
    // No "try again" button: transient failures are retried already, and the others need a new key or origin.
    this.#statusNode = h('div', { class: 'status', part: 'status' }, h('strong', {}, lines[0]), lines[1]);
    this.#stage.append(this.#statusNode);
  }

  #onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    // Space and Enter on a focused button press that button.
    if ((e.key === ' ' || e.key === 'Enter') && e.composedPath()[0].localName === 'button') return;
    // The keys are those each button announces in aria-keyshortcuts (z as Z, the space bar as
    // Space): one list, so what is announced is what works.
    const key = e.key === ' ' ? 'Space' : e.key.length > 1 ? e.key : e.key.toUpperCase();
    const button = [...this.#actions.children].find((b) => b.getAttribute('aria-keyshortcuts').split(' ').includes(key));
    if (!button) return;
    e.preventDefault();
    this.#press(button.dataset.answer);
  }

  #press(answer) {
    if (answer === 'undo') this.undo();
    else this.decide(answer);
  }

  #say(text) {
    this.#live.textContent = text;
  }

  #emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(`swipe-deck:${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }
}

/** localStorage, or null where the page may not use it (sandboxed frame, blocked storage). */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let memoryRater = null;
/** An anonymous rater id kept in localStorage, so one browser stays one rater (per page load where storage is blocked). */
function anonymousRater() {
  try {
    let id = localStorage.getItem('swipeloop:rater');
    if (!id) localStorage.setItem('swipeloop:rater', (id = `anon-${uuidv7()}`));
    return id;
  } catch {
    return (memoryRater ||= `anon-${uuidv7()}`);
  }
}
