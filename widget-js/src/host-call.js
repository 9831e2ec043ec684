import { retryAfterMs, retryDelay } from './retry-schedule.js';

/** The longest a deck waits before trying again, whatever Retry-After says (and past 2^31 ms setTimeout would fire at once). */
const MAX_WAIT_MS = 10 * 60_000;
const TIMEOUT_MS = 30_000;

/**
 * One request to the Swipeloop host with the app's key (and the rater's token). Never
 * throws: a network failure is status 0. `body` is the parsed JSON answer (a problem+json
 * document for errors) or null; `waitMs(attempt, retry)` is how long to back off before
 * the next try, never shorter than the server's Retry-After (but at most ten minutes).
 * @returns {Promise<{status: number, body: any, waitMs: (attempt: number, retry?: {baseMs: number, maxMs: number}) => number}>}
 */
export async function callHost(fetchFn, url, key, raterToken, init = {}) {
  let status = 0;
  let body = null;
  let retryAfter = null;
  try {
    // A request that hangs (a dead proxy, a phone between networks) would hold the queue for ever.
    const response = await fetchFn(url, { signal: AbortSignal.timeout(TIMEOUT_MS), ...init, headers: { Authorization: `Bearer ${key}`, ...(raterToken && { 'X-Rater-Token': raterToken }), ...init.headers } });
    status = response.status;
    retryAfter = response.headers.get('Retry-After');
    body = await response.json().catch(() => null);
  } catch {
    // offline, DNS, CORS refusal, connection reset: all retried alike
  }
  return { status, body, waitMs: (attempt, retry) => Math.min(MAX_WAIT_MS, Math.max(retryDelay(attempt, retry), retryAfterMs(retryAfter))) };
}
