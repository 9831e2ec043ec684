import { releaseVelocity } from './swipe-math.js';

/**
 * Follows one pointer (mouse, touch or pen) over an element and reports the travel; the
 * caller decides what a move or a release means. Pointer capture keeps the drag alive when
 * the pointer leaves the element; `detach()` removes exactly the listeners `attach` added.
 * @param {HTMLElement} el
 * @param {{move: (dx: number, dy: number) => void, release: (dx: number, dy: number, vx: number) => void}} on
 * @returns {() => void} detach
 */
export function attachDrag(el, on) {
  let start = null;
  let samples = [];
  const down = (e) => {
    if (start || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault(); // no native image drag, no text selection
    start = { id: e.pointerId, x: e.clientX, y: e.clientY };
    samples = [{ x: 0, t: e.timeStamp }];
  };
  const move = (e) => {
    if (!start || e.pointerId !== start.id) return;
    if (!e.buttons) return cancel(e);
    const dx = e.clientX - start.x;
    // Captured once the pointer has travelled 8 px, not on pointerdown: from then on the click
    // that ends the gesture goes to this element rather than to the button under the pointer,
    // so a drag is never also a tap, while a tap with a little jitter stays one.
    if (Math.abs(dx) + Math.abs(e.clientY - start.y) > 8 && !el.hasPointerCapture(e.pointerId)) el.setPointerCapture(e.pointerId);
    samples.push({ x: dx, t: e.timeStamp });
    if (samples.length > 12) samples.shift();
    on.move(dx, e.clientY - start.y);
  };
  const up = (e) => {
    if (!start || e.pointerId !== start.id) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    samples.push({ x: dx, t: e.timeStamp });
    start = null;
    on.release(dx, dy, releaseVelocity(samples));
  };
  const cancel = (e) => {
    if (!start || e.pointerId !== start.id) return;
    start = null;
    on.release(0, 0, 0);
  };
  const listening = new AbortController();
  const listeners = { pointerdown: down, pointermove: move, pointerup: up, pointercancel: cancel };
  for (const type in listeners) el.addEventListener(type, listeners[type], listening);
  return () => listening.abort();
}
