/**
 * The maths of a swipe, kept pure so it is tested without a browser (after gajus/swing's
 * Card.js): how far a card has travelled, how it tilts, and whether a release throws it.
 */

/** How a swipe feels, in one place; the functions take another set for tests and tuning. */
export const SWIPE_DEFAULTS = {
  /** fraction of the card's width past which a slow release still decides */
  throwFraction: 0.35,
  /** px/ms; a faster release decides even when the card moved less than that */
  flingVelocity: 0.45,
  /** px the card must travel for a fling to count, so a twitch is not a vote */
  minFlingDistance: 24,
  /** degrees of tilt at one card-width of travel */
  maxRotation: 18,
  /** how far back in time (ms) the release velocity is measured */
  velocityWindowMs: 100,
};

/**
 * Transform for a card dragged by (dx, dy): it follows the pointer and tilts toward the
 * side it is heading; `strength` (0…1) fades in the like / pass stamp.
 * @param {number} dx @param {number} dy @param {number} width card width in px
 */
export function dragPose(dx, dy, width, opts = SWIPE_DEFAULTS) {
  const ratio = width > 0 ? dx / width : 0;
  const rotation = clamp(ratio, -1, 1) * opts.maxRotation;
  const strength = clamp(Math.abs(ratio) / opts.throwFraction, 0, 1);
  return { x: dx, y: dy, rotation, strength, direction: Math.sign(dx) };
}

/**
 * Horizontal velocity (px/ms) over the last `velocityWindowMs` of pointer samples.
 * @param {{x: number, t: number}[]} samples oldest first
 */
export function releaseVelocity(samples, opts = SWIPE_DEFAULTS) {
  if (samples.length < 2) return 0;
  const last = samples[samples.length - 1];
  let first = samples[samples.length - 2];
  for (let i = samples.length - 2; i >= 0 && last.t - samples[i].t <= opts.velocityWindowMs; i--) first = samples[i];
  const dt = last.t - first.t;
  return dt > 0 ? (last.x - first.x) / dt : 0;
}

/**
 * Where a released card goes: 1 (thrown right), -1 (thrown left) or 0 (snaps back).
 * Either far enough, or fast enough in the direction it travelled.
 */
export function releaseDirection(dx, velocity, width, opts = SWIPE_DEFAULTS) {
  if (Math.abs(dx) >= width * opts.throwFraction) return Math.sign(dx);
  const fast = Math.abs(velocity) >= opts.flingVelocity && Math.abs(dx) >= opts.minFlingDistance;
  return fast && Math.sign(velocity) === Math.sign(dx) ? Math.sign(dx) : 0;
}

/** Where a thrown card ends: fully off screen on its side, keeping its vertical drift. */
export function throwTarget(direction, dy, width, viewportWidth) {
  return { x: direction * (viewportWidth / 2 + width * 1.5), y: dy * 1.5 };
}

function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}
