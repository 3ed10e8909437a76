#!/usr/bin/env node
// `npm run test:fast [folder or file…]`: the loop for someone writing a rule
// (CONTRIBUTING.md "The fast loop"). No type check and no full build: esbuild bundles
// only the chosen tests (and the CLI, when a test/cli test runs it), then mocha runs them.
// By default the core and rule tests and the CLI's in-process units; `test/cli` adds the
// tests that run the built CLI (each a process: minutes, not seconds, on a busy machine).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const picked = args.length ? args : ['test/core', 'test/rules', 'test/cli/units.test.ts'];

function testsUnder(p) {
  const abs = path.resolve(ROOT, p);
  if (!fs.existsSync(abs)) throw new Error(`no such test folder or file: ${p}`);
  if (fs.statSync(abs).isFile()) return [abs];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const q = path.join(abs, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testsUnder(q);
    return e.name.endsWith('.test.ts') ? [q] : [];
  });
}

async function main() {
  const tests = picked.flatMap(testsUnder);
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    define: { VERSION: JSON.stringify(require('../package.json').version) },
  };
  const builds = tests.map((f) => ({
    ...common,
    entryPoints: [f],
    outfile: path.join(ROOT, 'out', path.relative(ROOT, f).replace(/\.ts$/, '.js')),
    external: ['vscode', 'mocha', 'playwright-core'],
  }));
  // The CLI tests run the built CLI (test/cli/harness.ts).
  if (tests.some((f) => f.includes(`${path.sep}test${path.sep}cli${path.sep}`) && !f.endsWith('units.test.ts'))) {
    builds.push({
      ...common,
      entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')],
      outfile: path.join(ROOT, 'dist/cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    });
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const outs = tests.map((f) => path.join('out', path.relative(ROOT, f).replace(/\.ts$/, '.js')));
  const r = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--reporter', 'dot', ...outs], { cwd: ROOT, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
