import { isRetryable, RETRY_DEFAULTS } from './retry-schedule.js';
import { callHost } from './host-call.js';
import { safeImageUrl } from './safe-url.js';

export const PAGE_SIZE = 10;
/** The server's default cap on `limit` (`deck.maxLimit`). */
const MAX_PAGE = 50;

/**
 * Pages of cards from `GET /v1/deck`. The server never deals a card the rater judged, but
 * it cannot know the votes still queued here, so cards judged in this page's lifetime are
 * filtered out. Transient failures are retried with the same backoff as votes.
 */
export class DeckSource {
  #target; #fetch; #retry; #onRetry;
  /**
   * @param {() => {host: string, key: string, rater: string, raterToken?: string | null, mode: string}} target
   * @param {{fetch?: typeof fetch, retry?: {baseMs: number, maxMs: number}, onRetry?: (d: object) => boolean | void}} [o]
   *   `onRetry` is told of every retry; returning false gives up
   */
  constructor(target, o = {}) {
    this.#target = target;
    this.#fetch = o.fetch || ((...a) => fetch(...a));
    this.#retry = o.retry || RETRY_DEFAULTS;
    this.#onRetry = o.onRetry || (() => {});
    /** card keys judged (or being judged) on this page */
    this.seen = new Set();
  }

  /**
   * The next cards not seen here nor on the stack, each `{kind, key, items: [{id, prompt, src}]}`;
   * `exhausted` when the server had nothing at all. Throws `DeckError` on a refusal.
   */
  async next(onStack = new Set()) {
    const t = this.#target();
    // Ask for enough that a page is not used up by cards already on the stack or still queued.
    const limit = Math.min(MAX_PAGE, PAGE_SIZE + onStack.size + this.seen.size);
    const url = `${t.host}/v1/deck?${new URLSearchParams({ rater: t.rater, limit: String(limit), mode: t.mode })}`;
    for (let attempt = 0; ; attempt++) {
      const { status, body, waitMs } = await callHost(this.#fetch, url, t.key, t.raterToken);
      if (status === 200) {
        const all = Array.isArray(body?.cards) ? body.cards : [];
        const cards = all.map((c) => toCard(c, t.host)).filter((c) => c && !this.seen.has(c.key) && !onStack.has(c.key));
        return { cards, exhausted: !all.length };
      }
      const problem = status >= 400 ? body : null;
      if (status && !isRetryable(status)) throw new DeckError(status, problem);
      const wait = waitMs(attempt, this.#retry);
      // The deck that asked may be gone (restarted, removed): it answers false, and the loop ends.
      if (this.#onRetry({ status, problem, retryInMs: wait }) === false) throw new DeckError(status, problem);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export class DeckError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `the deck request failed with HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * A server card as the views use it. A pair's sides are shuffled (the vote records the order
 * shown), so a position bias in raters does not become a bias for the server's left image;
 * the key identifies the card whichever side each image is on.
 */
export function toCard(card, host, random = Math.random) {
  const items = card.kind === 'pair' ? [card.left, card.right] : [card.item];
  if (items.length === 2 && random() < 0.5) items.reverse();
  if (items.some((i) => typeof i?.id !== 'string')) return null;
  const shown = items.map((i) => ({ id: i.id, prompt: typeof i.prompt === 'string' ? i.prompt : '', src: safeImageUrl(i.imageUrl, host) }));
  const key = shown.map((i) => i.id).sort().join('\n');
  return { kind: card.kind === 'pair' ? 'pair' : 'binary', key, items: shown };
}
