// Builds dist/widget.js: one minified classic script (not a module, so `document.currentScript`
// tells the widget which server it came from), with the stylesheet minified and inlined as text;
// and dist/widget.progress.js, the module that only `<swipe-deck show-progress>` imports. The
// widget names that module with its hash, as the host serves it: /widget.progress.<hash>.js.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      // esbuild keeps the spaces inside custom properties and var() fallbacks; CSS ignores them there.
      const tight = code.trim().replace(/(--[\w-]+): /g, '$1:').replace(/, /g, ',');
      return { contents: `export default ${JSON.stringify(tight)};`, loader: 'js' };
    });
  },
};

await mkdir('dist', { recursive: true });
const shared = {
  bundle: true,
  minify: true,
  // light-dark() and private class members set the floor.
  target: ['chrome123', 'firefox120', 'safari17.5'],
  legalComments: 'none',
  charset: 'utf8', // ♥ and ✕ as themselves; the host serves the script as UTF-8
  plugins: [cssAsText],
  logLevel: 'warning',
};
// A second pass by terser: its compressor folds what esbuild's leaves (about 2 % gzipped),
// which keeps the widget inside its 8 KB budget.
async function squeeze(path, module) {
  const { code } = await minify(await readFile(path, 'utf8'), {
    ecma: 2022, module, toplevel: true, compress: { passes: 5, hoist_funs: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, pure_getters: true, keep_fargs: false },
  });
  await writeFile(path, code);
  return Buffer.from(code);
}

await build({ ...shared, entryPoints: ['src/progress-meter.js'], outfile: 'dist/widget.progress.js', format: 'esm' });
const progress = await squeeze('dist/widget.progress.js', true);
// The first 16 hex digits of the SHA-256, as the host's WidgetBundle names what it serves.
const progressChunk = `widget.progress.${createHash('sha256').update(progress).digest('hex').slice(0, 16)}.js`;

await build({
  ...shared,
  entryPoints: ['src/index.js'],
  outfile: 'dist/widget.js',
  format: 'iife',
  define: { PROGRESS_CHUNK: JSON.stringify(progressChunk) },
  // Internal property names shortened, as Preact's mangle.json does: none is part of the
  // public API, the server's JSON or the DOM. The browser tests run against this output,
  // so a name that should not have been here breaks them.
  mangleProps: new RegExp(`^(${[
    'queue', 'beacon', 'onFlush', 'onError', 'setTimer', 'clearTimer', 'inFlight', 'paused', 'durable',
    'ready', 'nextDue', 'ack', 'schedule', 'sendOnExit', 'disarm', 'seen', 'attempted', 'exhausted', 'waitMs',
    'render', 'leave', 'destroy', 'imageState', 'reducedMotion', 'state', 'shownAt', 'items', 'card', 'url', 'move', 'release',
    'throwFraction', 'flingVelocity', 'minFlingDistance', 'maxRotation', 'velocityWindowMs', 'rotation', 'strength', 'direction',
  ].join('|')})$`),
});
const js = await squeeze('dist/widget.js', false);
await copyFile('widget.d.ts', 'dist/widget.d.ts');
const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;
console.log(`widget-js: dist/widget.js ${js.length} bytes, ${gzipped(js)} gzipped; ${progressChunk} (show-progress only) ${progress.length} bytes, ${gzipped(progress)} gzipped`);
