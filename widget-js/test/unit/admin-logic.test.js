// The dashboard's other pure pieces: problem messages, query strings, safe image URLs,
// export options, origins typed in a box, plugin state tones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProblem, queryString, ApiError } from '../../../host-server/src/main/resources/admin/assets/api.js';
import { safeImageSrc } from '../../../host-server/src/main/resources/admin/assets/safe-url.js';
import { changedOptions } from '../../../host-server/src/main/resources/admin/assets/export-options.js';
import { parseOrigins } from '../../../host-server/src/main/resources/admin/assets/page-apps.js';
import { stateTone } from '../../../host-server/src/main/resources/admin/assets/page-plugins.js';

test('a problem reads as its detail and the fields it names', () => {
  const problem = { title: 'Unauthorized', detail: 'That secret signs in nowhere.', errors: [{ field: 'secret', message: 'is not a key of this server' }] };
  assert.equal(describeProblem(problem, 401), 'That secret signs in nowhere. (secret: is not a key of this server)');
  assert.equal(describeProblem({ title: 'Bad Request', errors: [] }, 400), 'Bad Request');
  assert.equal(describeProblem({ detail: 'The secret does not sign in: is not a key.', errors: [{ field: 'secret', message: 'is not a key' }] }, 401),
    'The secret does not sign in: is not a key.', 'a field error the detail already says is not repeated');
  assert.equal(describeProblem(null, 429), 'Too many requests; wait a moment and try again.');
  assert.match(describeProblem(null, 0), /could not be reached/);
  const error = new ApiError(400, problem);
  assert.equal(error.status, 400);
  assert.deepEqual(error.fieldErrors, problem.errors);
  assert.deepEqual(new ApiError(500, null).fieldErrors, []);
});

test('query strings leave out empty values and escape the rest', () => {
  assert.equal(queryString({ sort: 'votes', q: '', model: null, minVotes: 0, x: undefined }), '?sort=votes&minVotes=0');
  assert.equal(queryString({ q: 'a&b c' }), '?q=a%26b+c');
  assert.equal(queryString({}), '');
});

test('images load from http(s) and the host\'s own paths only', () => {
  const origin = 'http://127.0.0.1:8080';
  assert.equal(safeImageSrc('https://cdn.example/a.png', origin), 'https://cdn.example/a.png');
  assert.equal(safeImageSrc('/media/abc', origin), 'http://127.0.0.1:8080/media/abc');
  assert.equal(safeImageSrc('/demo/images/1.png', origin), 'http://127.0.0.1:8080/demo/images/1.png');
  for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AA', '/media/../admin', '/other', '//evil.example/x', '', null, 42]) {
    assert.equal(safeImageSrc(bad, origin), null, String(bad));
  }
});

test('only options changed from their defaults are sent', () => {
  const specs = [
    { name: 'minVotes', type: 'int', default: 0 },
    { name: 'excludeFlagged', type: 'boolean', default: false },
    { name: 'derivedPairs', type: 'boolean', default: true },
    { name: 'splits', type: 'string', default: 'train:1' },
    { name: 'model', type: 'string', default: null },
  ];
  assert.deepEqual(changedOptions(specs, { minVotes: '0', excludeFlagged: false, derivedPairs: true, splits: 'train:1', model: '' }), {});
  assert.deepEqual(changedOptions(specs, { minVotes: ' 3 ', excludeFlagged: true, derivedPairs: false, splits: 'train:8,test:2', model: 'sdxl' }),
    { minVotes: '3', excludeFlagged: true, derivedPairs: false, splits: 'train:8,test:2', model: 'sdxl' });
  assert.deepEqual(changedOptions(specs, {}), {}, 'controls not drawn are not sent');
});

test('origins may be typed one per line, or separated by commas or spaces', () => {
  assert.deepEqual(parseOrigins('https://a.example\n\n  https://b.example , https://c.example  '),
    ['https://a.example', 'https://b.example', 'https://c.example']);
  assert.deepEqual(parseOrigins('   '), []);
});

test('plugin states have tones', () => {
  assert.equal(stateTone('STARTED'), 'ok');
  assert.equal(stateTone('FAILED'), 'bad');
  assert.equal(stateTone('DISABLED'), 'neutral');
  assert.equal(stateTone('RESOLVED'), 'warn');
});
