import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dragPose, releaseVelocity, releaseDirection, throwTarget, SWIPE_DEFAULTS } from '../../src/swipe-math.js';

const D = SWIPE_DEFAULTS;
const near = (actual, expected, msg) => assert.ok(Math.abs(actual - expected) < 1e-9, `${msg || ''} expected ${expected}, got ${actual}`);

test('dragPose follows the pointer', () => {
  const p = dragPose(40, -12, 300);
  assert.equal(p.x, 40);
  assert.equal(p.y, -12);
});

test('dragPose rotation sign follows dx', () => {
  assert.ok(dragPose(50, 0, 300).rotation > 0);
  assert.ok(dragPose(-50, 0, 300).rotation < 0);
  assert.equal(dragPose(0, 30, 300).rotation, 0);
  near(dragPose(-50, 0, 300).rotation, -dragPose(50, 0, 300).rotation, 'symmetric');
});

test('dragPose rotation grows with distance and reaches maxRotation at one card width', () => {
  const w = 300;
  near(dragPose(w, 0, w).rotation, D.maxRotation);
  near(dragPose(-w, 0, w).rotation, -D.maxRotation);
  near(dragPose(w / 2, 0, w).rotation, D.maxRotation / 2);
  assert.ok(dragPose(100, 0, w).rotation < dragPose(200, 0, w).rotation);
});

test('dragPose rotation is capped at maxRotation beyond one width', () => {
  const w = 300;
  for (const dx of [w + 1, 2 * w, 10 * w]) {
    near(dragPose(dx, 0, w).rotation, D.maxRotation, `dx=${dx}`);
    near(dragPose(-dx, 0, w).rotation, -D.maxRotation, `dx=${-dx}`);
  }
});

test('dragPose strength goes 0..1 and reaches 1 at throwFraction', () => {
  const w = 300;
  const threshold = w * D.throwFraction;
  assert.equal(dragPose(0, 0, w).strength, 0);
  near(dragPose(threshold / 2, 0, w).strength, 0.5);
  near(dragPose(threshold, 0, w).strength, 1);
  assert.ok(dragPose(threshold * 0.9, 0, w).strength < 1);
  assert.equal(dragPose(threshold * 3, 0, w).strength, 1);
  assert.equal(dragPose(-threshold * 3, 0, w).strength, 1, 'strength is not signed');
  near(dragPose(-threshold / 2, 0, w).strength, 0.5);
});

test('dragPose direction', () => {
  assert.equal(dragPose(5, 0, 300).direction, 1);
  assert.equal(dragPose(-5, 0, 300).direction, -1);
  assert.equal(dragPose(0, 50, 300).direction, 0);
});

test('dragPose with no width yet (not laid out) gives finite numbers', () => {
  const p = dragPose(50, 10, 0);
  assert.ok(Number.isFinite(p.rotation));
  assert.ok(Number.isFinite(p.strength));
  assert.equal(p.x, 50);
});

test('dragPose honours custom options', () => {
  const opts = { ...D, maxRotation: 30, throwFraction: 0.5 };
  near(dragPose(1000, 0, 100, opts).rotation, 30);
  near(dragPose(25, 0, 100, opts).strength, 0.5);
});

test('releaseVelocity is 0 with fewer than 2 samples', () => {
  assert.equal(releaseVelocity([]), 0);
  assert.equal(releaseVelocity([{ x: 100, t: 5 }]), 0);
});

test('releaseVelocity is in px/ms and signed', () => {
  near(releaseVelocity([{ x: 0, t: 1000 }, { x: 50, t: 1100 }]), 0.5);
  near(releaseVelocity([{ x: 0, t: 1000 }, { x: -30, t: 1060 }]), -0.5);
  near(releaseVelocity([{ x: 10, t: 0 }, { x: 20, t: 20 }, { x: 30, t: 40 }, { x: 40, t: 60 }]), 0.5);
});

test('releaseVelocity uses only the last velocityWindowMs of samples', () => {
  // a slow first half and a fast last 100 ms: only the fast part counts
  const samples = [
    { x: 0, t: 0 }, { x: 5, t: 200 }, { x: 10, t: 400 }, { x: 10, t: 500 },
    { x: 30, t: 540 }, { x: 60, t: 580 }, { x: 70, t: 600 },
  ];
  near(releaseVelocity(samples), 60 / 100);
  // a fling that stopped: the pointer held still for the last window -> ~0
  const stopped = [{ x: 0, t: 0 }, { x: 200, t: 100 }, { x: 200, t: 150 }, { x: 200, t: 200 }, { x: 200, t: 250 }];
  near(releaseVelocity(stopped), 0);
});

test('releaseVelocity honours a custom window', () => {
  const samples = [{ x: 0, t: 0 }, { x: 100, t: 100 }, { x: 110, t: 200 }];
  near(releaseVelocity(samples, { ...D, velocityWindowMs: 100 }), 0.1);
  near(releaseVelocity(samples, { ...D, velocityWindowMs: 200 }), 110 / 200);
});

test('releaseVelocity does not divide by zero on samples at the same time', () => {
  assert.equal(releaseVelocity([{ x: 0, t: 10 }, { x: 40, t: 10 }]), 0);
});

const W = 300; // threshold at 105 px

test('releaseDirection: a drag past throwFraction decides, whatever the speed', () => {
  const past = W * D.throwFraction + 1;
  assert.equal(releaseDirection(past, 0, W), 1);
  assert.equal(releaseDirection(-past, 0, W), -1);
  assert.equal(releaseDirection(W * 2, 0, W), 1);
  // even against a flick back: the distance decides
  assert.equal(releaseDirection(past, -5, W), 1);
  assert.equal(releaseDirection(-past, 5, W), -1);
});

test('releaseDirection: a slow small drag snaps back', () => {
  const below = W * D.throwFraction - 1;
  assert.equal(releaseDirection(below, 0, W), 0);
  assert.equal(releaseDirection(-below, 0, W), 0);
  assert.equal(releaseDirection(60, D.flingVelocity / 2, W), 0);
  assert.equal(releaseDirection(0, 0, W), 0);
});

test('releaseDirection: a fast fling in the drag direction decides below the threshold', () => {
  const dx = D.minFlingDistance + 6; // 30 px, far below 105
  const v = D.flingVelocity + 0.2;
  assert.equal(releaseDirection(dx, v, W), 1);
  assert.equal(releaseDirection(-dx, -v, W), -1);
});

test('releaseDirection: a fling shorter than minFlingDistance is a twitch, not a vote', () => {
  const dx = D.minFlingDistance - 4;
  assert.equal(releaseDirection(dx, 5, W), 0);
  assert.equal(releaseDirection(-dx, -5, W), 0);
  assert.equal(releaseDirection(0, 5, W), 0);
});

test('releaseDirection: a fling against the drag direction snaps back', () => {
  const dx = D.minFlingDistance + 20;
  assert.equal(releaseDirection(dx, -2, W), 0);
  assert.equal(releaseDirection(-dx, 2, W), 0);
});

test('releaseDirection honours custom options', () => {
  const opts = { ...D, throwFraction: 0.5, flingVelocity: 2, minFlingDistance: 10 };
  assert.equal(releaseDirection(120, 0, W, opts), 0); // would decide with the default 0.35
  assert.equal(releaseDirection(151, 0, W, opts), 1);
  assert.equal(releaseDirection(30, 1, W, opts), 0); // fast by default, slow here
  assert.equal(releaseDirection(12, 2.5, W, opts), 1);
});

test('throwTarget puts a centred card fully off screen on its side', () => {
  for (const [width, vw] of [[300, 1000], [300, 320], [600, 600], [100, 2560]]) {
    const right = throwTarget(1, 0, width, vw);
    // the card starts centred: its left edge ends at vw/2 + x - width/2
    assert.ok(vw / 2 + right.x - width / 2 >= vw, `right: width=${width} vw=${vw}`);
    const left = throwTarget(-1, 0, width, vw);
    assert.ok(vw / 2 + left.x + width / 2 <= 0, `left: width=${width} vw=${vw}`);
  }
});

test('throwTarget keeps the vertical drift', () => {
  assert.ok(throwTarget(1, 40, 300, 1000).y >= 40);
  assert.ok(throwTarget(-1, -40, 300, 1000).y <= -40);
  assert.equal(throwTarget(1, 0, 300, 1000).y, 0);
});
