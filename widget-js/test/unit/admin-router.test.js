import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, routeHref, pageTitle, PAGES } from '../../../host-server/src/main/resources/admin/assets/router.js';

test('/admin and /admin/ show the overview', () => {
  assert.deepEqual(parseRoute('/admin'), { page: 'overview', query: {} });
  assert.deepEqual(parseRoute('/admin/'), { page: 'overview', query: {} });
});

test('every page has its path, with or without a trailing slash', () => {
  for (const { id } of PAGES) {
    assert.equal(parseRoute(`/admin/${id}`).page, id);
    assert.equal(parseRoute(`/admin/${id}/`).page, id);
  }
  assert.deepEqual(PAGES.map((p) => p.id), ['overview', 'items', 'rankings', 'raters', 'apps', 'plugins', 'exports']);
});

test('unknown pages and paths outside /admin are not found', () => {
  assert.equal(parseRoute('/admin/nope').page, null);
  assert.equal(parseRoute('/admin/items/extra').page, null);
  assert.equal(parseRoute('/administrator').page, null);
  assert.equal(parseRoute('/v1/items').page, null);
  assert.equal(parseRoute('/admin/%E0%A4%A').page, null, 'a broken escape is not a page');
});

test('the query becomes the page state', () => {
  assert.deepEqual(parseRoute('/admin/items', '?sort=votes&q=red%20fox&offset=24'),
    { page: 'items', query: { sort: 'votes', q: 'red fox', offset: '24' } });
});

test('one view has one URL: empty values left out, keys sorted', () => {
  assert.equal(routeHref('items', { sort: 'votes', q: '', model: null, offset: undefined }), '/admin/items?sort=votes');
  assert.equal(routeHref('items', { view: 'table', model: 'sdxl' }), '/admin/items?model=sdxl&view=table');
  assert.equal(routeHref('raters', { rater: 'user 7&co' }), '/admin/raters?rater=user+7%26co');
  assert.equal(routeHref('overview'), '/admin/overview');
});

test('routeHref and parseRoute agree', () => {
  const href = routeHref('items', { q: 'a=b&c', model: 'm/1' });
  const url = new URL(href, 'http://x');
  assert.deepEqual(parseRoute(url.pathname, url.search), { page: 'items', query: { q: 'a=b&c', model: 'm/1' } });
});

test('titles', () => {
  assert.equal(pageTitle('apps'), 'Apps and keys');
  assert.equal(pageTitle(null), 'Not found');
});
