// The raters seen in the app's latest votes, each with their quality report. The API lists
// no raters by themselves, so the dashboard reads the last page of votes (GET /v1/votes from
// the last seq back) and asks about each rater found there, a few at a time.

export const WINDOW = 1000;
const CONCURRENCY = 4;

/**
 * Votes → one row per rater: how many of these votes are theirs and when they last voted,
 * most recent first. Pure, for unit tests.
 * @param {{rater: string, receivedAt?: string, seq: number}[]} votes
 */
export function tallyRaters(votes) {
  const byRater = new Map();
  for (const vote of votes) {
    const row = byRater.get(vote.rater) || { rater: vote.rater, recentVotes: 0, lastSeq: 0, lastAt: null };
    row.recentVotes += 1;
    if (vote.seq >= row.lastSeq) {
      row.lastSeq = vote.seq;
      row.lastAt = vote.receivedAt ?? row.lastAt;
    }
    byRater.set(vote.rater, row);
  }
  return [...byRater.values()].sort((a, b) => b.lastSeq - a.lastSeq);
}

/** Runs `task` over `list` with at most `limit` at once; results in list order. */
export async function mapLimit(list, limit, task) {
  const results = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      results[index] = await task(list[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return results;
}

/**
 * The latest raters (at most `max`) with their quality reports ({error} where one failed),
 * and how many votes were read.
 */
export async function recentRaters(api, max = 40) {
  const stats = await api.get('/v1/stats');
  const after = Math.max(0, stats.lastSeq - WINDOW);
  const page = await api.get('/v1/votes', { after, limit: WINDOW });
  const rows = tallyRaters(page.votes).slice(0, max);
  const reports = await mapLimit(rows, CONCURRENCY, (row) => api.get(`/v1/raters/${encodeURIComponent(row.rater)}/quality`)
    .then((quality) => ({ quality }), (error) => ({ error })));
  return { votesRead: page.votes.length, raters: rows.map((row, i) => ({ ...row, ...reports[i] })) };
}
