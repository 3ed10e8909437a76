// Bundles the language server, the VS Code extension and the CLI into dist/.
// `node esbuild.js --watch` rebuilds on change; `--minify` for the .vsix; `--no-sourcemap`
// for the npm package (`npm pack` runs it as `prepack`; docs/decisions.md "Packaging").
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const sourcemap = !minify && !process.argv.includes('--no-sourcemap');
// `--dist DIR`: the dist/ bundles and schemas go to DIR instead (scripts/package.js stages the .vsix there).
const distAt = process.argv.indexOf('--dist');
const DIST = distAt > 0 ? require('path').resolve(process.argv[distAt + 1]) : require('path').join(__dirname, 'dist');

const pkg = require('./package.json');

const common = {
  define: { VERSION: JSON.stringify(pkg.version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap,
  minify,
  logLevel: 'warning',
};

/**
 * The server's and the CLI's bundle as ASCII: esbuild escapes strings but keeps the German
 * letters and dashes of regular expressions and comments, and one such character makes V8
 * keep the whole 2.5 MB source as a two-byte string, 2.4 MB more heap for the life of the
 * process (docs/decisions.md "Memory"). A `\uXXXX` escape means the same character in a
 * regular expression (a pair of them, one astral character), a comment is a comment; the
 * source map is off by the escapes' length on those few lines.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      const fs = require('fs');
      const file = build.initialOptions.outfile;
      if (result.errors.length || !file || !fs.existsSync(file)) return;
      const text = fs.readFileSync(file, 'utf8');
      // eslint-disable-next-line no-control-regex
      if (!/[^\x00-\x7f]/.test(text)) return;
      // After a backslash the escape would change what is meant: say so rather than guess.
      // eslint-disable-next-line no-control-regex
      if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII character; write it as \\uXXXX in the source`);
      // eslint-disable-next-line no-control-regex
      fs.writeFileSync(
        file,
        text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')),
      );
    });
  },
};

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [asciiOnly] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [asciiOnly] },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The preview webview's one script (loaded with the page's nonce from dist/, its only local resource root).
  { entryPoints: ['client/src/preview-webview.ts'], outfile: 'dist/preview-webview.js', platform: 'browser', format: 'iife', target: 'es2020' },
  // Build helpers: the JSON Schemas for the YAML extension (run below) and the manifest sync.
  { entryPoints: ['scripts/gen-schemas.ts'], outfile: 'out/scripts/gen-schemas.js' },
  { entryPoints: ['scripts/sync-manifest.ts'], outfile: 'out/scripts/sync-manifest.js' },
];

// dist/schemas/*.schema.json from the zod models (server/src/core/schema.ts), after the bundles.
function writeSchemas() {
  const path = require('path');
  const gen = path.join(__dirname, 'out', 'scripts', 'gen-schemas.js');
  if (!require('fs').existsSync(gen)) return;
  delete require.cache[gen];
  require(gen).writeSchemas(path.join(DIST, 'schemas'));
}

// Every test .test.ts and .e2e.ts file (and test/bench, test/extension) is bundled to out/ so mocha runs plain JavaScript.
function testBuilds() {
  const fs = require('fs');
  const path = require('path');
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'fixtures' && e.name !== 'node_modules') walk(p);
      } else if (
        /\.(test|e2e)\.ts$/.test(e.name) ||
        (dir.endsWith(path.join('test', 'bench')) && e.name.endsWith('.ts')) ||
        (dir.endsWith(path.join('test', 'extension')) && e.name.endsWith('.ts'))
      ) {
        found.push(p);
      }
    }
  };
  walk('test');
  return found.map((f) => ({
    entryPoints: [f],
    outfile: path.join('out', f.replace(/\.ts$/, '.js')),
    external: ['vscode', 'mocha', 'playwright-core'],
  }));
}

async function main() {
  const fs = require('fs');
  const present = builds
    .filter((b) => fs.existsSync(b.entryPoints[0]))
    .map((b) => (b.outfile.startsWith('dist/') ? { ...b, outfile: require('path').join(DIST, b.outfile.slice(5)) } : b));
  if (!process.argv.includes('--no-tests')) present.push(...testBuilds());
  if (watch) {
    for (const b of present) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
  writeSchemas();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
