/**
 * Builds an element. Children that are strings become text nodes, never markup, so a
 * caption can hold `<script>` and show it as text.
 * @param {string} tag @param {Record<string, string | undefined>} [attrs] undefined ones are left out
 * @param {...(Node | string | null | undefined | false)} children falsy ones (and empty strings) are left out
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** An image that reports whether it could be shown; failures and refused URLs look the same to the viewer. */
export function image(item, onState) {
  // With a prompt the caption beside the image says it; an alt repeating it would be read twice.
  const img = h('img', { part: 'image', alt: item.prompt ? '' : 'Generated image', draggable: 'false' });
  img.onload = () => onState(true);
  img.onerror = () => onState(false);
  if (item.src) img.src = item.src;
  else queueMicrotask(() => onState(false));
  return img;
}
