import { attachDrag } from './drag.js';
import { dragPose, releaseDirection, throwTarget, SWIPE_DEFAULTS } from './swipe-math.js';
import { h, image } from './dom.js';

export const BROKEN = 'This image failed to load. Skip it.';
const LEAVE_MS = 300;
/** Which way a card flies for each answer: right, left, or up (skip, tie). */
const SIDE = { like: 1, right: 1, dislike: -1, left: -1 };

/**
 * What a view asks of its deck: `decide` answers the top card (false when refused),
 * `imageState` reports a card whose images loaded or failed.
 * @typedef {{decide: (answer: string) => boolean, imageState: (card: object) => void,
 *   labels: () => string[], reducedMotion: () => boolean}} DeckHooks
 */

/**
 * The stack of cards, for both modes: the top card follows the pointer (transform and
 * opacity only, applied once per animation frame, so a drag never lays the page out), the
 * next one waits underneath, and the one after is preloaded. A binary card is one image
 * with like / pass stamps; a pair card is two image buttons, and dragging it toward one
 * side chooses that side.
 */
export class CardView {
  #stage; #deck; #nodes = new Map(); #detachDrag = null; #frame = 0; #top;

  /** @param {HTMLElement} stage @param {DeckHooks} deck */
  constructor(stage, deck) {
    this.#stage = stage;
    this.#deck = deck;
  }

  render(cards) {
    const [top, next, after] = cards;
    for (const [card, node] of this.#nodes) {
      if (card !== top && card !== next) {
        node.remove();
        this.#nodes.delete(card);
      }
    }
    if (next) this.#place(next, 'next');
    if (top) this.#place(top, 'top');
    after?.items.forEach((i) => i.src && (new Image().src = i.src));
    if (top === this.#top) return; // a drag in progress goes on
    this.#top = top;
    this.#detachDrag?.();
    this.#detachDrag = top ? this.#follow(top, this.#nodes.get(top)) : null;
  }

  /** Throws the top card off toward its answer; the deck has already moved on. */
  leave(card, answer) {
    const node = this.#nodes.get(card);
    if (!node) return;
    this.#nodes.delete(card);
    node.classList.remove('dragging', 'top');
    node.classList.add('gone');
    if (this.#deck.reducedMotion()) return node.remove();
    const side = SIDE[answer] || 0;
    const width = node.offsetWidth;
    const to = side ? throwTarget(side, 0, width, innerWidth) : { x: 0, y: -width * 1.6 };
    node.style.transform = `translate(${to.x}px, ${to.y}px) rotate(${side * SWIPE_DEFAULTS.maxRotation}deg)`;
    setTimeout(() => node.remove(), LEAVE_MS);
  }

  destroy() {
    this.#detachDrag?.();
    cancelAnimationFrame(this.#frame);
    this.#nodes.forEach((node) => node.remove());
    this.#nodes.clear();
  }

  #place(card, role) {
    let node = this.#nodes.get(card);
    // Only new nodes are inserted: moving one would drop its focus and its pointer capture.
    if (!node) this.#stage[role === 'top' ? 'append' : 'prepend']((node = this.#create(card))), this.#nodes.set(card, node);
    node.classList.toggle('next', role === 'next');
    node.classList.toggle('top', role === 'top');
    node.inert = role !== 'top';
  }

  #create(card) {
    const pair = card.items.length === 2;
    const [like, pass] = this.#deck.labels();
    let loaded = 0;
    const pictures = card.items.map((item, i) => {
      const side = i ? 'right' : 'left';
      const content = [
        image(item, (ok) => {
          // A pair is judged only when both images show; one failure makes it skip-only.
          card.state = !ok || card.state === 'broken' ? 'broken' : ++loaded === card.items.length ? 'loaded' : card.state;
          picture.classList.toggle('broken', !ok);
          this.#deck.imageState(card);
        }),
        h('p', { class: 'note', part: 'broken-note' }, BROKEN),
        item.prompt ? h('figcaption', { part: 'caption' }, item.prompt) : null,
      ];
      const picture = pair
        // Named by its side: both images of a pair usually share one prompt, so captions can't tell them apart.
        ? h('button', { type: 'button', class: 'side', part: `side side-${side}`, 'data-side': side, 'aria-label': side }, ...content)
        : h('div', { class: 'side' }, ...content);
      return picture;
    });
    // Binary cards stamp the answer a release would give; a pair shows it by moving toward a side.
    return h('figure', { class: pair ? 'card pair' : 'card', part: 'card' }, ...pictures,
      ...(pair ? [] : [like, pass].map((text, i) => h('span', { class: `mark ${i ? 'left' : 'right'}`, part: 'mark', 'aria-hidden': 'true' }, text))));
  }

  #follow(card, node) {
    const marks = node.querySelectorAll('.mark');
    let pose = null;
    let width = 0;
    const paint = () => {
      this.#frame = 0;
      if (!pose) return;
      const rotation = this.#deck.reducedMotion() || card.items.length === 2 ? 0 : pose.rotation;
      node.style.transform = `translate(${pose.x}px, ${pose.y}px) rotate(${rotation}deg)`;
      marks.forEach((m, i) => (m.style.opacity = pose.direction === (i ? -1 : 1) ? pose.strength : 0));
    };
    const reset = () => {
      pose = null;
      node.classList.remove('dragging');
      node.style.transform = '';
      marks.forEach((m) => (m.style.opacity = 0));
    };
    // A tap on a pair's image chooses it. After a real drag the click lands on the card itself
    // (see attachDrag's pointer capture), so a drag is never also a tap.
    node.onclick = (e) => {
      const side = e.target.closest('[data-side]');
      if (side) this.#deck.decide(side.dataset.side);
    };
    const detach = attachDrag(node, {
      move: (dx, dy) => {
        if (!pose) {
          width = node.offsetWidth; // read once per drag: moves then only write transforms
          node.classList.add('dragging');
        }
        pose = dragPose(dx, dy, width);
        this.#frame ||= requestAnimationFrame(paint);
      },
      release: (dx, dy, vx) => {
        cancelAnimationFrame(this.#frame);
        this.#frame = 0;
        const direction = pose ? releaseDirection(dx, vx, width) : 0;
        if (!direction) return reset();
        paint();
        const answer = card.items.length === 2 ? (direction > 0 ? 'right' : 'left') : direction > 0 ? 'like' : 'dislike';
        if (!this.#deck.decide(answer)) reset(); // refused: the image has not loaded, or the page cancelled the vote
      },
    });
    return () => {
      detach();
      node.onclick = null;
    };
  }
}
