import { RETRY_DEFAULTS } from './retry-schedule.js';
import { callHost } from './host-call.js';

/**
 * Sends the queue to `POST /v1/votes` in batches (by size, and by age once the undo hold
 * has passed) and removes votes only when the server acknowledged them. Network errors,
 * 5xx and 429 are retried with backoff; a 400 that names bad votes drops those (they can
 * never succeed) and sends the rest; 401/403 pause sending until `flush()` is called again.
 */
export class VoteSender {
  /** the constructor's options over the defaults */
  #options;
  #attempt = 0;
  #timer = null;
  /** @type {Set<string>} ids being sent right now */
  inFlight = new Set();
  /**
   * @type {Set<string>} ids sent at least once and not yet acknowledged: too late to undo,
   * since the server may have stored them even if the answer never came back
   */
  attempted = new Set();
  /** true after a 401/403, until `flush()` is called (a new key or rater token) */
  paused = false;
  /**
   * @param {{
   *   queue: import('./vote-queue.js').VoteQueue,
   *   target: () => {url: string, key: string, raterToken?: string | null, rater?: string},
   *   fetch?: typeof fetch, beacon?: (url: string, body: Blob) => boolean,
   *   holdMs?: number, batchSize?: number, retry?: {baseMs: number, maxMs: number},
   *   onFlush?: (d: object) => void, onError?: (d: object) => void,
   *   setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (t: any) => void,
   * }} o options; those left out (or undefined) take the defaults
   */
  constructor(o) {
    this.#options = {
      fetch: (...a) => fetch(...a),
      beacon: (url, body) => navigator.sendBeacon(url, body),
      holdMs: 1500,
      batchSize: 25,
      retry: RETRY_DEFAULTS,
      onFlush() {},
      onError() {},
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t),
      ...Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)),
    };
  }

  /** Call after the queue changed: arms the timer for the next batch that falls due. */
  schedule() {
    if (this.inFlight.size || this.#timer !== null || this.paused) return;
    const due = this.#options.queue.nextDue(this.#options.holdMs, this.#options.batchSize, this.inFlight, this.attempted);
    if (due >= 0) this.#arm(due);
  }

  /** Sends what is queued now, hold or not (the page asks, the network came back, a new token). */
  flush() {
    this.paused = false;
    this.disarm();
    return this.#send(true);
  }

  /** On pagehide: hand everything to the browser to deliver after the page is gone. */
  sendOnExit() {
    const { url, key, raterToken } = this.#options.target();
    const votes = this.#options.queue.entries().map((e) => e.vote);
    for (let i = 0; i < votes.length; i += this.#options.batchSize) {
      // text/plain needs no preflight; the server reads any body type as JSON and takes the key from the URL.
      const body = JSON.stringify({ votes: votes.slice(i, i + this.#options.batchSize), raterToken: raterToken || undefined });
      if (!this.#options.beacon(`${url}?key=${encodeURIComponent(key)}`, new Blob([body], { type: 'text/plain' }))) break;
    }
    // The votes stay queued: a beacon has no answer, so the next visit sends them again and the server counts duplicates.
  }

  #arm(ms) {
    this.#timer = this.#options.setTimer(() => {
      this.#timer = null;
      this.#send(false);
    }, ms);
  }

  disarm() {
    if (this.#timer !== null) this.#options.clearTimer(this.#timer);
    this.#timer = null;
  }

  async #send(force) {
    if (this.inFlight.size) return;
    // One rater per batch: a rater token vouches for its own rater only, so votes left by an
    // earlier rater of this page (before a sign-in) must not ride along with the new one's.
    const votes = this.#options.queue.ready(force ? -Infinity : this.#options.holdMs, this.#options.batchSize, this.inFlight, this.attempted)
      .filter((v, _, all) => v.rater === all[0].rater);
    if (!votes.length) return this.schedule();
    const ids = votes.map((v) => v.id);
    for (const id of ids) {
      this.inFlight.add(id);
      this.attempted.add(id);
    }
    const { url, key, raterToken, rater } = this.#options.target();
    const { status, body, waitMs } = await callHost(this.#options.fetch, url, key, votes[0].rater === rater && raterToken,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ votes }) });
    const problem = status >= 400 ? body : null;
    this.inFlight.clear();
    if (status >= 200 && status < 300) {
      this.#attempt = 0;
      this.#options.queue.ack(ids);
      ids.forEach((id) => this.attempted.delete(id));
      this.#options.onFlush({ sent: ids.length, accepted: body?.accepted, duplicates: body?.duplicates, pending: this.#options.queue.size });
      return this.schedule();
    }
    if (status === 401 || status === 403) {
      this.paused = true;
      return this.#options.onError({ status, problem, retrying: false, pending: this.#options.queue.size });
    }
    if (status !== 400) {
      const wait = waitMs(this.#attempt++, this.#options.retry);
      this.#options.onError({ status, problem, retrying: true, retryInMs: wait, pending: this.#options.queue.size });
      return this.#arm(wait); // resends these (now `attempted`), but leaves newer votes inside their undo hold alone
    }
    // Refused for good: drop the votes the server named (or the whole batch if it named none) and go on.
    const named = badVoteIndexes(problem).map((i) => ids[i]).filter(Boolean);
    const dropped = named.length ? named : ids;
    this.#options.queue.ack(dropped);
    dropped.forEach((id) => this.attempted.delete(id));
    this.#options.onError({ status, problem, retrying: false, dropped, pending: this.#options.queue.size });
    return this.schedule();
  }
}

/** Indexes of the votes a problem+json names, from fields like `votes[3].verdict`. */
export function badVoteIndexes(problem) {
  const found = new Set();
  for (const e of (problem && problem.errors) || []) {
    const m = /^votes\[(\d+)\]/.exec(e.field || '');
    if (m) found.add(Number(m[1]));
  }
  return [...found];
}
