// The dashboard's entry: resumes or asks for a session, then draws the frame (header, app
// picker, navigation) and hands the main area to the page the address names.
import { createApi, ApiError } from './api.js';
import { h, replace, announce } from './dom.js';
import { startRouter, routeHref, pageTitle } from './router.js';
import { signInView } from './signin.js';
import { appPicker, rememberedApp, rememberApp } from './app-picker.js';
import { navigation } from './navigation.js';
import * as overview from './page-overview.js';
import * as items from './page-items.js';
import * as rankings from './page-rankings.js';
import * as raters from './page-raters.js';
import * as apps from './page-apps.js';
import * as plugins from './page-plugins.js';
import * as exportsPage from './page-exports.js';

const PAGE_MODULES = { overview, items, rankings, raters, apps, plugins, exports: exportsPage };
/** Pages that show one app's data, so need an app chosen. */
const APP_PAGES = new Set(['overview', 'items', 'rankings', 'raters', 'exports']);
/** Why a signed-in call got 401, in words, from the problem type the server gave. */
function sessionEnded(error) {
  const type = String(error?.problem?.type || '');
  if (type.endsWith('/session-expired')) return 'Your session expired. Sign in again.';
  if (type.endsWith('/invalid-session')) {
    return 'Your session ended: the key you signed in with was rotated or revoked, or the operator token changed. Sign in again.';
  }
  return 'Your session ended. Sign in again.';
}

const root = document.getElementById('app');
const api = createApi({ onSessionEnded: (error) => showSignIn(sessionEnded(error)) });
let navigate = null;
let route = null;
let shell = null;
let cleanup = null;
let expiryTimer = null;
let renders = 0;
/** Whether a drawn page takes the focus: not on the first page load, after every sign-in and navigation. */
let moveFocus = false;

async function boot() {
  let session = null;
  try {
    session = await api.resume();
  } catch (e) {
    showSignIn(e.message);
    return;
  }
  if (session) await enter();
  else showSignIn();
}

function showSignIn(message) {
  stopPage();
  clearTimeout(expiryTimer);
  api.forget();
  shell = null;
  document.title = 'Sign in · Swipeloop admin';
  replace(root, signInView({
    api,
    message,
    onSignedIn() {
      moveFocus = true;
      enter();
    },
  }));
  if (message) announce(message);
}

/** Signed in: loads the apps the session may see, draws the frame and starts following the address. */
async function enter() {
  const session = api.session;
  let appList = [];
  try {
    appList = (await api.get('/v1/admin/apps', undefined, { scoped: false })).apps;
  } catch (e) {
    if (e.status === 401) return; // showSignIn already ran
    announce(e.message);
  }
  if (session.role === 'operator') {
    const remembered = rememberedApp();
    const chosen = appList.some((a) => a.id === remembered) ? remembered : appList[0]?.id ?? null;
    api.selectApp(chosen);
  }
  scheduleExpiry(session.expiresAt);
  drawShell(appList);
  if (navigate) navigate(location.pathname + location.search, { replace: true });
  else navigate = startRouter(showRoute);
}

function scheduleExpiry(expiresAt) {
  clearTimeout(expiryTimer);
  const left = Date.parse(expiresAt) - Date.now();
  if (!Number.isFinite(left)) return;
  // setTimeout holds at most ~24.8 days; sessions are hours long.
  expiryTimer = setTimeout(async () => {
    if (!(await api.resume().catch(() => null))) showSignIn('Your session expired. Sign in again.');
  }, Math.min(Math.max(left + 1000, 1000), 2 ** 31 - 1));
}

function drawShell(appList) {
  const session = api.session;
  const main = h('main', { id: 'main', tabindex: '-1' });
  const nav = navigation();
  const signOut = h('button', { type: 'button', class: 'button button-quiet' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    try {
      await api.signOut();
    } catch {
      // The session is gone either way; the server forgets it on its own when it expires.
    }
    showSignIn('You signed out.');
  });
  const picker = appPicker({
    session, apps: appList, selected: api.app,
    onChange(id) {
      api.selectApp(id);
      rememberApp(id);
      announce(`Showing app ${id}.`);
      if (route) showRoute(route, { focus: false }); // the reader stays on the picker
    },
  });
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: routeHref('overview') }, 'Swipeloop', h('span', { class: 'brand-sub' }, 'admin')),
    picker,
    h('span', { class: 'role-badge' }, session.role === 'operator' ? 'Operator' : 'App owner'),
    signOut);
  shell = { main, nav, appList };
  replace(root, header, h('div', { class: 'layout' }, nav.element, main));
}

async function showRoute(next, { focus = moveFocus } = {}) {
  route = next;
  if (!shell) return;
  stopPage();
  const { page, query } = next;
  const title = pageTitle(page);
  document.title = `${title} · Swipeloop admin`;
  shell.nav.setCurrent(page);
  // Each page draws into its own section: one still loading after the reader moved on
  // writes into a detached node, never over the next page.
  const main = h('section', { class: 'page', 'aria-labelledby': 'page-title' });
  replace(shell.main, main);
  renders += 1;
  const render = renders;
  if (!page) {
    replace(main, h('h1', { id: 'page-title', tabindex: '-1' }, 'Not found'), h('p', {}, 'There is no such page. ',
      h('a', { href: routeHref('overview') }, 'Go to the overview'), '.'));
  } else if (APP_PAGES.has(page) && !api.app) {
    replace(main, h('h1', { id: 'page-title', tabindex: '-1' }, title), h('p', { class: 'notice notice-info' }, 'There is no app yet. ',
      h('a', { href: routeHref('apps') }, 'Create one on Apps and keys'), '.'));
  } else {
    const ctx = {
      api,
      query,
      session: api.session,
      appId: api.app,
      apps: shell.appList,
      /** Changes the page's state in the address without drawing the page again. */
      setQuery(changes) {
        navigate(routeHref(page, { ...route.query, ...changes }), { replace: true, silent: true });
        route = { page, query: { ...route.query, ...changes } };
      },
      /** Reloads the app list (after creating or editing one) and draws the frame again. */
      async reloadApps() {
        const list = (await api.get('/v1/admin/apps', undefined, { scoped: false })).apps;
        if (api.session?.role === 'operator' && !list.some((a) => a.id === api.app)) api.selectApp(list[0]?.id ?? null);
        drawShell(list);
        showRoute(route);
      },
      signedOut: showSignIn,
    };
    try {
      const stop = await PAGE_MODULES[page].render(main, ctx);
      if (render === renders) cleanup = stop || null;
      else stop?.();
    } catch (e) {
      // The page shows an API error where it failed (a 401 has led to the sign-in screen);
      // anything else is a bug, reported where tests see it.
      if (!(e instanceof ApiError)) console.error(e);
    }
  }
  if (focus && render === renders) main.querySelector('h1')?.focus();
  moveFocus = true;
}

function stopPage() {
  if (cleanup) cleanup();
  cleanup = null;
}

boot();
