/**
 * Decisions waiting to be acknowledged by the server, kept in localStorage so they survive
 * a reload, a crash or an offline spell. Every operation re-reads storage before writing, so
 * two tabs of the same app rarely overwrite each other's change (localStorage has no
 * transactions, so the window narrows but does not close); the server's idempotency by vote
 * id makes any vote sent twice harmless. Where storage is
 * unavailable (blocked, full) the queue carries on in memory and says so (`durable`).
 */
export class VoteQueue {
  #storage; #now;
  /** @type {{vote: object, at: number}[]} */
  #memory = [];
  /**
   * @param {Pick<Storage, 'getItem' | 'setItem'> | null} storage
   * @param {string} name storage key
   * @param {() => number} [now]
   */
  constructor(storage, name, now = Date.now) {
    this.#storage = storage;
    this.name = name;
    this.#now = now;
    this.durable = !!storage;
  }

  /** @returns {{vote: any, at: number}[]} oldest first */
  entries() {
    if (!this.durable) return this.#memory;
    try {
      const parsed = JSON.parse(this.#storage.getItem(this.name) || '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return this.#memory;
    }
  }

  get size() {
    return this.entries().length;
  }

  add(vote) {
    this.#write([...this.entries(), { vote, at: this.#now() }]);
  }

  /** Removes one vote (undo); false when it is no longer queued. */
  remove(id) {
    const all = this.entries();
    const kept = all.filter((e) => e.vote.id !== id);
    this.#write(kept);
    return kept.length < all.length;
  }

  /** Forgets votes the server has acknowledged (or refused for good). */
  ack(ids) {
    const done = new Set(ids);
    this.#write(this.entries().filter((e) => !done.has(e.vote.id)));
  }

  /**
   * Votes to send now: those older than `holdMs` (the undo window) or already sent once
   * (`sent`: a retry), up to `max`; a queue already holding `max` votes sends a full batch
   * without waiting.
   * @param {Set<string>} [exclude] ids in flight @param {Set<string>} [sent] ids due whatever their age
   */
  ready(holdMs, max, exclude = new Set(), sent = new Set()) {
    const open = this.entries().filter((e) => !exclude.has(e.vote.id));
    const cutoff = this.#now() - holdMs;
    const due = open.length >= max ? open : open.filter((e) => sent.has(e.vote.id) || e.at <= cutoff);
    return due.slice(0, max).map((e) => e.vote);
  }

  /** Milliseconds until `ready` would return something, or -1 for an empty queue. */
  nextDue(holdMs, max, exclude = new Set(), sent = new Set()) {
    const open = this.entries().filter((e) => !exclude.has(e.vote.id));
    if (!open.length) return -1;
    if (open.length >= max || open.some((e) => sent.has(e.vote.id))) return 0;
    return Math.max(0, open[0].at + holdMs - this.#now());
  }

  #write(entries) {
    this.#memory = entries;
    if (!this.durable) return;
    try {
      this.#storage.setItem(this.name, JSON.stringify(entries));
    } catch {
      this.durable = false; // quota or privacy mode: keep going in memory
    }
  }
}
