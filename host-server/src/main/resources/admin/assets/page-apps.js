// Apps and keys: each app's keys and allowed origins; edit the name and origins, rotate or
// revoke keys (after a confirmation; a new key is shown once), and, for the operator, create apps.
import { h, pageHeading, field, badge, notice, announce, uniqueId, replace, fact } from './dom.js';
import { confirmDialog, secretDialog, formDialog } from './dialog.js';
import { formatDateTime } from './format.js';

const KEY_NAMES = { secret: 'secret key', publishable: 'publishable key', signing: 'signing secret' };

/** Origins typed one per line (or separated by commas or spaces) → a list without blanks. */
export function parseOrigins(text) {
  return text.split(/[\s,]+/).map((o) => o.trim()).filter(Boolean);
}

export async function render(section, ctx) {
  const { api, session } = ctx;
  const list = h('div', { class: 'app-list' });
  section.append(pageHeading('Apps and keys', session.role === 'operator'
    ? 'Every app on this server. Rotating a key ends it at once: anything still using the old one gets 401.'
    : 'Your app\'s keys and the sites allowed to embed its deck. Rotating a key ends it at once.'));
  if (session.role === 'operator') section.append(createForm(ctx));
  section.append(list);
  replace(list, ctx.apps.length ? ctx.apps.map((app) => appCard(app, ctx)) : h('p', { class: 'empty' }, 'No app yet.'));
}

function createForm(ctx) {
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200 });
  const origins = h('textarea', { name: 'allowedOrigins', rows: 2, spellcheck: 'false' });
  const error = h('div', { role: 'alert' });
  const form = h('form', { class: 'create-app' },
    field('Name', name),
    field('Allowed origins', origins, 'Sites that embed the deck, one per line, e.g. https://example.com.'),
    error,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button button-primary' }, 'Create app')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(error);
    try {
      const created = await ctx.api.post('/v1/admin/apps', { name: name.value.trim(), allowedOrigins: parseOrigins(origins.value) }, { scoped: false });
      await secretDialog({
        title: `App ${created.app} created`,
        intro: 'These keys are shown once. Keep the secret key and signing secret on your server; the publishable key goes into pages.',
        secrets: [
          { label: 'Publishable key', value: created.publishableKey },
          { label: 'Secret key', value: created.secretKey },
          { label: 'Signing secret', value: created.signingSecret },
        ],
      });
      await ctx.reloadApps();
    } catch (e) {
      replace(error, notice('error', describeOriginErrors(e, parseOrigins(origins.value))));
    }
  });
  return h('details', { class: 'panel' }, h('summary', {}, 'Create an app'), form);
}

function appCard(app, ctx) {
  const titleId = uniqueId('app');
  const own = ctx.session.role === 'app' && ctx.session.app === app.id;
  const action = (label, onClick, tone) => {
    const button = h('button', { type: 'button', class: `button ${tone ? `button-${tone}` : ''}`, 'aria-describedby': titleId }, label);
    button.addEventListener('click', () => onClick().catch((e) => announce(e.message)));
    return button;
  };
  return h('article', { class: 'panel app-card', 'aria-labelledby': titleId },
    h('div', { class: 'panel-head' }, h('h2', { id: titleId }, app.name, ' ', h('span', { class: 'muted' }, `(${app.id})`)),
      own ? badge('signed in as this app', 'neutral') : null),
    h('dl', { class: 'facts' },
      fact('Publishable key', app.publishableKey ? h('code', { class: 'key' }, app.publishableKey) : badge('revoked', 'bad')),
      fact('Secret key', app.secretKeyActive ? badge('active', 'ok') : badge('revoked', 'bad')),
      fact('Allowed origins', app.allowedOrigins.length
        ? h('ul', { class: 'plain-list' }, app.allowedOrigins.map((o) => h('li', {}, h('code', {}, o))))
        : 'none (no page may embed the deck)'),
      fact('Created', formatDateTime(app.createdAt))),
    h('div', { class: 'actions' },
      action('Edit name and origins', () => editApp(app, ctx)),
      action('Rotate secret key', () => rotate(app, 'secret', ctx)),
      action('Rotate publishable key', () => rotate(app, 'publishable', ctx)),
      action('Rotate signing secret', () => rotate(app, 'signing', ctx)),
      app.secretKeyActive ? action('Revoke secret key', () => revoke(app, 'secret', ctx), 'danger') : null,
      app.publishableKey ? action('Revoke publishable key', () => revoke(app, 'publishable', ctx), 'danger') : null));
}

async function editApp(app, ctx) {
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, value: app.name });
  const origins = h('textarea', { name: 'allowedOrigins', rows: 4, spellcheck: 'false' }, app.allowedOrigins.join('\n'));
  const saved = await formDialog({
    title: `Edit ${app.name}`,
    content: [field('Name', name), field('Allowed origins', origins, 'One per line, e.g. https://example.com. Takes effect at once.')],
    submitLabel: 'Save',
    onSubmit: async () => {
      const list = parseOrigins(origins.value);
      try {
        return await ctx.api.patch(`/v1/admin/apps/${encodeURIComponent(app.id)}`, { name: name.value.trim(), allowedOrigins: list }, { scoped: false });
      } catch (e) {
        throw new Error(describeOriginErrors(e, list));
      }
    },
  });
  if (saved) {
    announce(`Saved ${saved.name}: ${saved.allowedOrigins.length} allowed origins.`);
    await ctx.reloadApps();
  }
}

async function rotate(app, kind, ctx) {
  const own = kind === 'secret' && ctx.session.role === 'app' && ctx.session.app === app.id;
  const ok = await confirmDialog({
    title: `Rotate the ${KEY_NAMES[kind]} of ${app.name}?`,
    message: [`A new ${KEY_NAMES[kind]} is made and shown once. The old one stops working at once: `
      + `${kind === 'publishable' ? 'pages embedding the deck need the new key.' : kind === 'secret'
        ? 'your server\'s calls with it get 401 until you give it the new key.' : 'webhook receivers must check with the new secret.'}`,
    own ? 'You signed in with this key: you will be signed out and sign in again with the new one.' : null].filter(Boolean),
    confirmLabel: `Rotate ${KEY_NAMES[kind]}`,
  });
  if (!ok) return;
  const answer = await ctx.api.post(`/v1/admin/apps/${encodeURIComponent(app.id)}/keys/${kind}/rotate`, {}, { scoped: false });
  await secretDialog({
    title: `New ${KEY_NAMES[kind]} of ${app.name}`,
    intro: 'Shown once: copy it now. The old key is already rejected.',
    secrets: [{ label: `New ${KEY_NAMES[kind]}`, value: answer.key }],
  });
  if (own) ctx.signedOut('You rotated the secret key you signed in with. Sign in with the new key.');
  else await ctx.reloadApps();
}

async function revoke(app, kind, ctx) {
  const own = kind === 'secret' && ctx.session.role === 'app' && ctx.session.app === app.id;
  const ok = await confirmDialog({
    title: `Revoke the ${KEY_NAMES[kind]} of ${app.name}?`,
    message: [`The ${KEY_NAMES[kind]} stops working at once and no new one is made; rotate it later to get a working key again.`,
      own ? 'You signed in with this key: you will be signed out.' : null].filter(Boolean),
    confirmLabel: `Revoke ${KEY_NAMES[kind]}`,
  });
  if (!ok) return;
  await ctx.api.post(`/v1/admin/apps/${encodeURIComponent(app.id)}/keys/${kind}/revoke`, {}, { scoped: false });
  announce(`The ${KEY_NAMES[kind]} of ${app.name} is revoked.`);
  if (own) ctx.signedOut('You revoked the secret key you signed in with.');
  else await ctx.reloadApps();
}

/** A server error about `allowedOrigins[i]` names the origin it means. */
function describeOriginErrors(error, origins) {
  const fields = error.fieldErrors || [];
  if (!fields.length) return error.message;
  return fields.map((f) => {
    const match = /^allowedOrigins\[(\d+)\]$/.exec(f.field || '');
    return match ? `Origin "${origins[Number(match[1])] ?? ''}": ${f.message}` : `${f.field}: ${f.message}`;
  }).join(' ');
}
