// The page links: a side column on wide screens, a strip that scrolls sideways on a phone.
import { h } from './dom.js';
import { PAGES, routeHref } from './router.js';

export function navigation() {
  const links = new Map(PAGES.map((p) => [p.id, h('a', { href: routeHref(p.id) }, p.title)]));
  const element = h('nav', { class: 'sidenav', 'aria-label': 'Dashboard pages' },
    h('ul', {}, [...links.values()].map((link) => h('li', {}, link))));
  return {
    element,
    setCurrent(page) {
      for (const [id, link] of links) {
        if (id === page) {
          link.setAttribute('aria-current', 'page');
          // On a phone the strip scrolls: keep the current page in view.
          link.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        } else {
          link.removeAttribute('aria-current');
        }
      }
    },
  };
}
