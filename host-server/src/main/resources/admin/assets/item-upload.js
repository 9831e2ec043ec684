// Uploading images as items: each file goes to POST /v1/media (stored under its SHA-256),
// then one POST /v1/items adds them all with the prompt and model typed here.
import { h, replace, field, notice } from './dom.js';
import { plural } from './format.js';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/** The collapsible upload form; `onUploaded()` runs after items were added. */
export function uploadForm(api, onUploaded) {
  const files = h('input', { type: 'file', name: 'files', accept: ACCEPT, multiple: true, required: true });
  const prompt = h('input', { type: 'text', name: 'prompt', maxlength: 20000 });
  const model = h('input', { type: 'text', name: 'model', maxlength: 256 });
  const id = h('input', { type: 'text', name: 'id', maxlength: 128, spellcheck: 'false' });
  const status = h('div', { class: 'upload-status', role: 'status' });
  const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Upload');
  const form = h('form', { class: 'upload-form' },
    field('Images (PNG, JPEG, WebP or GIF)', files),
    field('Prompt', prompt, 'The text the images were made from; the same for every file chosen.'),
    field('Model', model),
    field('Item id', id, 'Optional, for one image; by default each item is named after its file\'s contents.'),
    h('div', { class: 'form-actions' }, button),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = [...files.files];
    if (!chosen.length) {
      replace(status, notice('error', 'Choose at least one image.'));
      files.focus();
      return;
    }
    if (id.value.trim() && chosen.length > 1) {
      replace(status, notice('error', 'An item id names one image; leave it empty to upload several.'));
      id.focus();
      return;
    }
    button.disabled = true;
    replace(status, h('p', {}, `Uploading ${plural(chosen.length, 'image')}…`));
    try {
      const items = [];
      for (const file of chosen) {
        const media = await api.upload('/v1/media', file, file.type || 'application/octet-stream');
        items.push({
          id: id.value.trim() || `upload-${media.sha256.slice(0, 16)}`,
          // The host's own path, not its absolute URL: the item keeps working if the public URL changes.
          imageUrl: new URL(media.url, location.origin).pathname,
          ...(prompt.value.trim() ? { prompt: prompt.value.trim() } : {}),
          ...(model.value.trim() ? { model: model.value.trim() } : {}),
        });
      }
      await api.post('/v1/items', { items });
      const message = `Uploaded ${plural(items.length, 'image')}: ${items.map((i) => i.id).join(', ')}.`;
      replace(status, notice('success', message));
      form.reset();
      onUploaded(items);
    } catch (e) {
      replace(status, notice('error', `Upload failed: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('details', { class: 'panel upload-panel' }, h('summary', {}, 'Upload images'), form);
}
