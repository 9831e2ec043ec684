// Plugins: each plugin's state, version, what it adds, why it failed, which settings are
// wrong, and every setting with its default (secrets masked by the server).
import { h, replace, pageHeading, badge, table, loading, uniqueId, fact } from './dom.js';

/** The badge tone of a PF4J plugin state. */
export function stateTone(state) {
  if (state === 'STARTED') return 'ok';
  if (state === 'FAILED') return 'bad';
  if (state === 'DISABLED' || state === 'STOPPED') return 'neutral';
  return 'warn';
}

export async function render(section, { api }) {
  const body = h('div', { class: 'stack' });
  section.append(pageHeading('Plugins', 'What this server has loaded. Settings are changed in the configuration file or with flags, then a restart.'), body);
  const data = await loading(body, api.get('/v1/admin/plugins', undefined, { scoped: false }));
  const started = data.plugins.filter((p) => p.state === 'STARTED').length;
  replace(body,
    h('dl', { class: 'facts facts-inline' }, fact('Storage', h('code', {}, data.storage)),
      fact('Plugins', `${started} of ${data.plugins.length} started`)),
    data.plugins.length ? data.plugins.map(pluginCard) : h('p', { class: 'empty' }, 'No plugins are installed.'));
}

function pluginCard(plugin) {
  const titleId = uniqueId('plugin');
  return h('article', { class: 'panel plugin-card', 'aria-labelledby': titleId },
    h('div', { class: 'panel-head' },
      h('h2', { id: titleId }, plugin.id, ' ', h('span', { class: 'muted' }, plugin.version)),
      badge(plugin.state, stateTone(plugin.state))),
    plugin.extensions.length
      ? h('p', { class: 'extensions' }, 'Adds ', plugin.extensions.map((e, i) => [i ? ', ' : '', `${e.kind} `, h('code', {}, e.id),
        e.inUse === false ? ' (not in use)' : '']), '.')
      : h('p', { class: 'muted' }, 'Adds no extension.'),
    plugin.error ? h('div', { class: 'notice notice-error' }, h('strong', {}, 'Error: '), h('pre', { class: 'error-text' }, plugin.error)) : null,
    plugin.configErrors.length
      ? h('div', { class: 'notice notice-error' }, h('strong', {}, 'Settings to fix:'),
        h('ul', {}, plugin.configErrors.map((e) => h('li', {}, h('code', {}, e.key), `: ${e.message}`))))
      : null,
    plugin.settings.length
      ? h('details', {}, h('summary', {}, `Settings (${plugin.settings.length})`), table({
        caption: `Settings of ${plugin.id}`,
        hideCaption: true,
        columns: [{ label: 'Setting', rowHeader: true }, { label: 'Value' }, { label: 'Default' }, { label: 'What it does' }],
        rows: plugin.settings.map((s) => [h('code', {}, s.key), valueText(s.value, s.secret), valueText(s.default, s.secret), s.doc || '']),
      }))
      : null);
}

function valueText(value, secret) {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, 'not set');
  return h('code', { class: secret ? 'secret' : undefined }, String(value));
}
