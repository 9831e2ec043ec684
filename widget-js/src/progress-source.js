import { callHost } from './host-call.js';

const REWARDS_OFF = 'https://swipeloop.dev/problems/rewards-off';

/**
 * A rater's standing from `GET /v1/raters/{rater}/progress`, with the app's key and the
 * rater's token the deck sends everywhere. `progress` is null for any answer but a 200 with
 * a readable body: the meter stays hidden then.
 * @param {typeof fetch} fetchFn
 * @param {{host: string, key: string, rater: string, raterToken?: string | null}} target
 * @returns {Promise<{status: number, progress: Progress | null, problem: any}>}
 */
export async function fetchProgress(fetchFn, { host, key, rater, raterToken }) {
  const { status, body } = await callHost(fetchFn, `${host}/v1/raters/${encodeURIComponent(rater)}/progress`, key, raterToken);
  return { status, progress: status === 200 ? readProgress(body) : null, problem: status >= 400 ? body : null };
}

/**
 * True when asking again cannot help until the deck changes (another key, host or rater) or
 * its rater token does: a refused token (401), a refused key (403), or an app without reward
 * policies. Any other 404 (a proxy mid-deploy) is asked again after the next batch.
 * @param {number} status @param {any} problem
 */
export function refusedForGood(status, problem) {
  return status === 401 || status === 403 || (status === 404 && problem?.type === REWARDS_OFF);
}

/**
 * @typedef {{rater: string, points: number, pendingPoints: number, tier: string | null,
 *   nextMilestone: string | null, pointsToNext: number | null, streakDays: number,
 *   badges: string[], policies: object[]}} Progress
 */

/**
 * The server's answer as the meter uses it, or null when `points` is not a number (a proxy's
 * page, another server). Missing optional fields take their empty values, so a host that
 * leaves one out still gets a meter.
 * @returns {Progress | null}
 */
export function readProgress(body) {
  if (!body || !isCount(body.points)) return null;
  const text = (v) => (typeof v === 'string' && v ? v : null);
  return {
    rater: String(body.rater ?? ''),
    points: body.points,
    pendingPoints: isCount(body.pendingPoints) ? body.pendingPoints : 0,
    tier: text(body.tier),
    nextMilestone: text(body.nextMilestone),
    pointsToNext: text(body.nextMilestone) && isCount(body.pointsToNext) ? body.pointsToNext : null,
    streakDays: isCount(body.streakDays) ? body.streakDays : 0,
    badges: Array.isArray(body.badges) ? body.badges.filter((b) => typeof b === 'string') : [],
    policies: Array.isArray(body.policies) ? body.policies : [],
  };
}

function isCount(v) {
  return Number.isFinite(v) && v >= 0;
}
