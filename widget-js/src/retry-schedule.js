/**
 * When to try again after a failed send: exponential backoff with "equal jitter" (half the
 * step fixed, half random), so thousands of widgets that lost the server at once do not
 * come back in lockstep; a server's Retry-After is a floor, never shortened.
 */
export const RETRY_DEFAULTS = { baseMs: 1000, maxMs: 30000 };

/**
 * @param {number} attempt 0 for the first retry
 * @param {{baseMs: number, maxMs: number}} [opts]
 * @param {() => number} [random] in [0, 1)
 */
export function retryDelay(attempt, opts = RETRY_DEFAULTS, random = Math.random) {
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), or 0.
 * @param {string | null} header @param {number} [now] Unix ms
 */
export function retryAfterMs(header, now = Date.now()) {
  if (!header) return 0;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  return Math.max(0, Date.parse(trimmed) - now) || 0; // an unreadable date is NaN: no wait
}

/** Which answers are worth retrying: the network, the server's fault, or "slow down". */
export function isRetryable(status) {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
