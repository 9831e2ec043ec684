import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeImageUrl } from '../../src/safe-url.js';

const HOST = 'https://swipeloop.example';

test('absolute https and http URLs are kept', () => {
  assert.equal(safeImageUrl('https://cdn.example/img/a.png', HOST), 'https://cdn.example/img/a.png');
  assert.equal(safeImageUrl('http://cdn.example/a.jpg?w=200', HOST), 'http://cdn.example/a.jpg?w=200');
  assert.equal(safeImageUrl('HTTPS://CDN.example/a.png', HOST), 'https://cdn.example/a.png');
});

test('/media/… is resolved against the host', () => {
  assert.equal(safeImageUrl('/media/abc', HOST), 'https://swipeloop.example/media/abc');
  assert.equal(safeImageUrl('/media/ab/cd.webp?v=2', 'http://localhost:8080'), 'http://localhost:8080/media/ab/cd.webp?v=2');
});

test('/media/… with a host that cannot be parsed is refused', () => {
  assert.equal(safeImageUrl('/media/abc', 'not a host'), null);
  assert.equal(safeImageUrl('/media/abc', undefined), null);
});

test('script and data URLs are refused', () => {
  for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:image/png;base64,iVBORw0KGgo=',
    'data:text/html,<script>alert(1)</script>', 'blob:https://swipeloop.example/1234', 'file:///etc/passwd',
    'ftp://files.example/a.png', 'vbscript:msgbox(1)']) {
    assert.equal(safeImageUrl(url, HOST), null, url);
  }
});

test('protocol-relative URLs are refused', () => {
  assert.equal(safeImageUrl('//evil.example/x', HOST), null);
  assert.equal(safeImageUrl('//evil.example/media/x', HOST), null);
});

test('other relative URLs are refused', () => {
  for (const url of ['x.png', './x.png', '../x.png', '/other/path', '/media', 'media/abc', '?q=1', '#frag']) {
    assert.equal(safeImageUrl(url, HOST), null, url);
  }
});

test('a /media/ path may not climb out of the media store', () => {
  // the first two resolve outside /media/ and must be refused; an encoded slash (%2f) stays a
  // character of a name inside /media/, which may be accepted
  for (const url of ['/media/../other/path', '/media/%2e%2e/other/path', '/media/..%2fother']) {
    const got = safeImageUrl(url, HOST);
    assert.ok(got === null || new URL(got).pathname.startsWith('/media/'), `${url} -> ${got}`);
  }
});

test('non-strings and empty strings are refused', () => {
  for (const url of [null, undefined, '', 42, {}, [], ['https://cdn.example/a.png'], new URL('https://cdn.example/a.png'), true]) {
    assert.equal(safeImageUrl(url, HOST), null, String(url));
  }
});
