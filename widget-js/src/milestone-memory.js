/**
 * The last tier this browser saw for a rater of an app, so a milestone is announced once,
 * not again on every reload. Kept in localStorage (in memory where storage is blocked).
 */
const fallback = new Map();

/**
 * Records `progress` as seen and returns the tier to announce, or null. A tier is announced
 * when it differs from the one seen last; a tier the rater fell back to (points taken back
 * for flagged votes) is remembered but not celebrated.
 * @param {Pick<Storage, 'getItem' | 'setItem'> | null} storage
 * @param {string} name storage key, one per app and rater
 * @param {{tier: string | null, points: number}} progress
 * @returns {string | null}
 */
export function tierToAnnounce(storage, name, { tier, points }) {
  const last = read(storage, name);
  write(storage, name, JSON.stringify({ tier, points }));
  const fellBack = last && points < last.points;
  return tier && tier !== last?.tier && !fellBack ? tier : null;
}

function read(storage, name) {
  let raw = fallback.get(name);
  try {
    raw = storage?.getItem(name) ?? raw;
  } catch {
    // blocked storage: the copy in memory
  }
  try {
    const last = JSON.parse(raw ?? 'null');
    return last && typeof last === 'object' ? last : null;
  } catch {
    return null;
  }
}

function write(storage, name, value) {
  fallback.set(name, value);
  try {
    storage?.setItem(name, value);
  } catch {
    // full or blocked: the copy in memory still stops repeats on this page
  }
}
