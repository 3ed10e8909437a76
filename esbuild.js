// Bundles the language server, the VS Code extension and the CLI into dist/.
// `node esbuild.js --watch` rebuilds on change; `--minify` for packaging.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const pkg = require('./package.json');

const common = {
  define: { VERSION: JSON.stringify(pkg.version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

// Every test .test.ts file (and test/bench, test/extension) is bundled to out/ so mocha runs plain JavaScript.
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
      } else if (/\.test\.ts$/.test(e.name) || (dir.endsWith(path.join('test', 'bench')) && e.name.endsWith('.ts')) || (dir.endsWith(path.join('test', 'extension')) && e.name.endsWith('.ts'))) {
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
  const present = builds.filter((b) => fs.existsSync(b.entryPoints[0]));
  if (!process.argv.includes('--no-tests')) present.push(...testBuilds());
  if (watch) {
    for (const b of present) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
