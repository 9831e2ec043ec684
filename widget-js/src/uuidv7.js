/**
 * UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Vote ids are
 * time-ordered so the server appends them in order, and unique so a retried batch is
 * recognised as a duplicate instead of being stored twice.
 *
 * @param {number} [now] Unix milliseconds
 * @param {(bytes: Uint8Array) => Uint8Array} [fillRandom]
 * @returns {string}
 */
export function uuidv7(now = Date.now(), fillRandom = (b) => crypto.getRandomValues(b)) {
  const b = fillRandom(new Uint8Array(16));
  for (let i = 5, t = now; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256;
  b[6] = (b[6] & 0x0f) | 0x70; // version 7
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10
  const hex = [...b].map((x) => (x + 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
