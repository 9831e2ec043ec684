// Which app the pages show. An operator picks one (remembered in this browser); an app
// owner's session is its own app, named in the header.
import { h, select } from './dom.js';

const STORAGE_KEY = 'swipeloop.admin.app';

export function rememberedApp() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage switched off: the first app is shown
  }
}

export function rememberApp(id) {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // storage switched off: the choice lasts until reload
  }
}

/** The header's app control: a labelled select for operators, the app's name otherwise. */
export function appPicker({ session, apps, selected, onChange }) {
  if (session.role !== 'operator') {
    const own = apps.find((a) => a.id === session.app);
    return h('p', { class: 'app-context' }, h('span', { class: 'app-context-label' }, 'App'), ' ',
      h('strong', {}, own ? `${own.name} (${own.id})` : session.app));
  }
  if (!apps.length) return h('p', { class: 'app-context' }, 'No app yet');
  const control = select(apps.map((a) => [a.id, a.name === a.id ? a.id : `${a.name} (${a.id})`]), selected, { id: 'app-picker' });
  control.addEventListener('change', () => onChange(control.value));
  return h('div', { class: 'app-context' }, h('label', { for: 'app-picker', class: 'app-context-label' }, 'App'), control);
}
