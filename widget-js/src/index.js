import { SwipeDeck } from './swipe-deck.js';

/**
 * The script's entry: defines `<swipe-deck>` and `window.SwipeDeck` once. A second copy of
 * the script on the page finds them and does nothing, so double embedding is harmless.
 */
if (!window.SwipeDeck) {
  const script = document.currentScript;
  if (script?.src) SwipeDeck.defaultHost = new URL(script.src).origin;
  SwipeDeck.mount = mount;
  SwipeDeck.define();
  window.SwipeDeck = SwipeDeck;
}

/**
 * Puts a deck into `target` (or configures `target` when it is a `<swipe-deck>`) for pages
 * that build their UI in code. Options are the attributes in camelCase (`raterToken`,
 * `labels` as an array too), plus `holdMs`, `batchSize` and `retry` ({baseMs, maxMs}).
 * @param {Element} target @param {Record<string, any>} [options] @returns {SwipeDeck}
 */
function mount(target, options = {}) {
  const deck = target.localName === 'swipe-deck' ? target : document.createElement('swipe-deck');
  // Attribute-backed properties (key, raterToken, labels…) go through their setters; the rest are options.
  for (const [name, value] of Object.entries(options)) if (value != null) (name in deck ? deck : deck.options)[name] = value;
  if (deck !== target) target.append(deck); // appended once configured: it starts with its key
  return deck;
}
