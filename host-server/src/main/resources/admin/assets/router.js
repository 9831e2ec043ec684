// Pages live at /admin/{page}?{state}: the URL says what is shown, so reload, back and a
// shared link all land on the same view. parseRoute/routeHref are pure; startRouter wires
// them to the History API.

const BASE = '/admin';

/** The pages in navigation order. */
export const PAGES = Object.freeze([
  { id: 'overview', title: 'Overview' },
  { id: 'items', title: 'Items' },
  { id: 'rankings', title: 'Rankings' },
  { id: 'raters', title: 'Raters' },
  { id: 'apps', title: 'Apps and keys' },
  { id: 'plugins', title: 'Plugins' },
  { id: 'exports', title: 'Exports' },
]);

const IDS = new Set(PAGES.map((p) => p.id));

/**
 * `/admin`, `/admin/` → overview; `/admin/items` → items; `/admin/nope` or a path outside
 * /admin → page null (not found). The query becomes a plain object (the last of repeated keys).
 * @returns {{ page: string | null, query: Record<string, string> }}
 */
export function parseRoute(pathname, search = '') {
  const query = Object.fromEntries(new URLSearchParams(search));
  if (pathname === BASE || pathname === `${BASE}/`) return { page: 'overview', query };
  if (!pathname.startsWith(`${BASE}/`)) return { page: null, query };
  const rest = pathname.slice(BASE.length + 1).replace(/\/$/, '');
  let page;
  try {
    page = decodeURIComponent(rest);
  } catch {
    return { page: null, query };
  }
  return { page: IDS.has(page) ? page : null, query };
}

/**
 * The URL of a page with its state; empty, null and undefined values are left out and keys
 * are sorted, so one view has one URL. routeHref('items', {sort: 'votes', q: ''}) → "/admin/items?sort=votes".
 */
export function routeHref(page, query = {}) {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}/${encodeURIComponent(page)}${search ? `?${search}` : ''}`;
}

/** The title of a page id, or "Not found". */
export function pageTitle(page) {
  return PAGES.find((p) => p.id === page)?.title ?? 'Not found';
}

/**
 * Follows the address bar: calls `onRoute(route)` now, on back/forward, and when a link into
 * /admin is clicked (handled here instead of loading the page again). Returns `navigate`.
 * @param {(route: {page: string | null, query: Record<string, string>}) => void} onRoute
 */
export function startRouter(onRoute) {
  const current = () => parseRoute(location.pathname, location.search);
  const navigate = (href, { replace = false, silent = false } = {}) => {
    if (href === location.pathname + location.search) {
      if (!silent) onRoute(current());
      return;
    }
    history[replace ? 'replaceState' : 'pushState'](null, '', href);
    if (!silent) onRoute(current());
  };
  addEventListener('popstate', () => onRoute(current()));
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || link.hasAttribute('download') || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || parseRoute(url.pathname).page === null) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  onRoute(current());
  return navigate;
}
