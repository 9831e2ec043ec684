import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from '../../src/uuidv7.js';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The 48-bit Unix-millisecond prefix of a UUIDv7. */
function timestampOf(id) {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
const filled = (byte) => (b) => b.fill(byte);

test('is 8-4-4-4-12 lowercase hex', () => {
  for (let i = 0; i < 200; i++) assert.match(uuidv7(), FORMAT);
  // all-0xff random bytes would print upper case if the hex were not lower-cased
  assert.match(uuidv7(Date.now(), filled(0xff)), FORMAT);
});

test('version nibble is 7 whatever the random bytes are', () => {
  for (const byte of [0x00, 0xff, 0x5a, 0xa5]) {
    const id = uuidv7(1, filled(byte));
    assert.equal(id[14], '7', id);
  }
  for (let i = 0; i < 200; i++) assert.equal(uuidv7()[14], '7');
});

test('variant bits are 10 whatever the random bytes are', () => {
  for (const byte of [0x00, 0xff, 0x5a, 0xa5]) {
    const id = uuidv7(1, filled(byte));
    const variantNibble = parseInt(id[19], 16);
    assert.equal(variantNibble >> 2, 0b10, id);
  }
  for (let i = 0; i < 200; i++) assert.match(uuidv7()[19], /^[89ab]$/);
});

test('keeps the random bytes outside the timestamp, version and variant bits', () => {
  assert.equal(uuidv7(0, filled(0xff)), '00000000-0000-7fff-bfff-ffffffffffff');
  assert.equal(uuidv7(0, filled(0x00)), '00000000-0000-7000-8000-000000000000');
});

test('asks fillRandom for 16 bytes', () => {
  let asked;
  uuidv7(0, (b) => { asked = b; return b; });
  assert.ok(asked instanceof Uint8Array);
  assert.equal(asked.length, 16);
});

test('the 48-bit timestamp decodes back to now', () => {
  const real = Date.now();
  for (const now of [0, 1, 255, 256, 65535, 65536, 1700000000123, real, 2 ** 48 - 1]) {
    assert.equal(timestampOf(uuidv7(now)), now, `now=${now}`);
    assert.equal(timestampOf(uuidv7(now, filled(0xff))), now, `now=${now} with 0xff random`);
  }
});

test('defaults to the current time', () => {
  const before = Date.now();
  const id = uuidv7();
  const after = Date.now();
  const t = timestampOf(id);
  assert.ok(t >= before && t <= after, `${t} not in [${before}, ${after}]`);
});

test('ids made with increasing now sort lexicographically in time order', () => {
  const base = Date.now();
  // include byte boundaries (255→256, 65535→65536) and big jumps
  const times = [0, 1, 2, 255, 256, 257, 4095, 4096, 65535, 65536, 2 ** 32 - 1, 2 ** 32, base, base + 1, base + 1000, 2 ** 48 - 2, 2 ** 48 - 1];
  const made = times.map((t) => uuidv7(t));
  const shuffled = [...made].reverse();
  assert.deepEqual(shuffled.sort(), made);
  // and with adversarial random bytes: an earlier id full of 0xff still sorts before a later one full of 0x00
  for (let i = 1; i < times.length; i++) {
    const earlier = uuidv7(times[i - 1], filled(0xff));
    const later = uuidv7(times[i], filled(0x00));
    assert.ok(earlier < later, `${earlier} should sort before ${later}`);
  }
});

test('10,000 ids with the real crypto are distinct, even in the same millisecond', () => {
  const ids = new Set();
  for (let i = 0; i < 10_000; i++) ids.add(uuidv7());
  assert.equal(ids.size, 10_000);
  const sameMs = new Set();
  for (let i = 0; i < 10_000; i++) sameMs.add(uuidv7(1700000000000));
  assert.equal(sameMs.size, 10_000);
});
